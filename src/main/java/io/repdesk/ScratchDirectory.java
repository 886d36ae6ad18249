package io.repdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throw-away data directory of the evaluation commands: created on first use, deleted at exit. */
final class ScratchDirectory {

    private static Path scratch;

    private ScratchDirectory() {
    }

    static synchronized String create() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("repdesk-eval-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a scratch data directory", e);
            }
        }
        return scratch.toString();
    }

    static synchronized void delete() {
        if (scratch == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the scratch directory " + scratch + ": " + e.getMessage());
        }
        scratch = null;
    }
}
