package io.repdesk.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where a kept {@code bench load} run stands, saved in its data directory whenever it stops, so that the same
 * command continues it: the run's size and clock, the customers and needs it registered, how many of its
 * contacts (in time order) are recorded, each customer's last case (for follow-ups), and the figures of the
 * part recorded since the last measurement.
 *
 * @param contacts the run's contacts in all
 * @param needs the run's needs
 * @param customers the run's customers
 * @param startMillis the run's first day (epoch milliseconds); contacts are dated from it
 * @param recorded contacts recorded so far, the first of the run's time order
 * @param customerIds the registered customers, in the workload's order
 * @param needIds the defined needs, in the workload's order
 * @param openedCount cases the recorded contacts opened
 * @param openedSample the first opened cases (the case pages timed)
 * @param lastCase each customer's (workload index) last case
 * @param segmentFrom recorded contacts when the current segment (since the last measurement) began
 * @param segmentIngestSeconds seconds spent recording the segment
 * @param segmentTotalSeconds seconds spent recording, matching and indexing the segment
 * @param segmentEmbedded texts the model ran on during the segment
 */
record LoadState(int contacts, int needs, int customers, long startMillis, int recorded, List<String> customerIds,
        List<String> needIds, int openedCount, List<String> openedSample, Map<Integer, String> lastCase,
        int segmentFrom, double segmentIngestSeconds, double segmentTotalSeconds, long segmentEmbedded) {

    static final String FILE = "load-state.json";

    static LoadState read(Path dataDir, JsonMapper json) throws IOException {
        Path file = dataDir.resolve(FILE);
        return Files.exists(file) ? json.readValue(file.toFile(), LoadState.class) : null;
    }

    void write(Path dataDir, JsonMapper json) throws IOException {
        Path temporary = dataDir.resolve(FILE + ".new");
        json.writeValue(temporary.toFile(), this);
        Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
