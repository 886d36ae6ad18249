package io.repdesk;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** The command line: {@code repdesk demo|serve|help [options]}. */
public final class Repdesk {

    private Repdesk() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("repdesk: " + e.getMessage());
            System.err.println("Run 'repdesk help' to see the commands.");
            System.exit(2);
            return;
        }
        if (options.command() == LaunchOptions.Command.HELP) {
            printHelp(System.out);
            return;
        }
        if (options.command() == LaunchOptions.Command.BACKUP || options.command() == LaunchOptions.Command.RESTORE) {
            System.exit(BackupCommand.run(options, System.getenv(), java.time.Clock.systemUTC(), System.out, System.err));
            return;
        }
        SpringApplication application = new SpringApplication(RepdeskApplication.class);
        application.setDefaultProperties(defaults(options));
        if (options.command() != LaunchOptions.Command.DEMO && options.command() != LaunchOptions.Command.SERVE) {
            if (options.command() != LaunchOptions.Command.BENCH_LOAD) {
                application.setWebApplicationType(WebApplicationType.NONE);
            }
            application.setLogStartupInfo(false);
            int status;
            try {
                status = SpringApplication.exit(application.run(options.settings().toArray(String[]::new)));
            } finally {
                ScratchDirectory.delete();
            }
            System.exit(status);
        }
        application.run(options.settings().toArray(String[]::new));
    }

    static Map<String, Object> defaults(LaunchOptions options) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", options.port());
        properties.put("repdesk.db.data-dir", options.dataDir());
        properties.put("repdesk.demo.enabled", options.command() == LaunchOptions.Command.DEMO);
        switch (options.command()) {
            case REINDEX -> {
                properties.put("repdesk.command", "reindex");
                properties.put("repdesk.search.tail", false);
                properties.put("logging.level.root", "WARN");
            }
            case EVAL_MATCHING, EVAL_DISCOVERY, EVAL_SUGGESTIONS -> {
                properties.put("repdesk.command", switch (options.command()) {
                    case EVAL_MATCHING -> "eval-matching";
                    case EVAL_SUGGESTIONS -> "eval-suggestions";
                    default -> "eval-discovery";
                });
                properties.put("repdesk.db.data-dir", ScratchDirectory.create());
                properties.put("repdesk.db.clean-start", true);
                properties.put("repdesk.casework.matching.enabled", false);
                properties.put("repdesk.need.discovery-interval-seconds", 0);
                properties.put("logging.level.root", "WARN");
                options.evaluation().forEach((k, v) -> properties.put("repdesk.eval." + k, v));
            }
            case BENCH_SLA -> benchmarkOnScratch(properties, options, "bench-sla", false);
            case BENCH_SEARCH -> benchmarkOnScratch(properties, options, "bench-search", true);
            case BENCH_EMAIL -> benchmarkOnScratch(properties, options, "bench-email", false);
            case BENCH_LOAD -> {
                // Served on a free port so that the benchmark can time real HTTP requests against the loaded data.
                benchmarkOnScratch(properties, options, "bench-load", true);
                properties.put("server.port", 0);
                properties.put("repdesk.casework.matching.enabled", true);
                properties.put("repdesk.need.discovery-interval-seconds", 0);
                String keep = options.evaluation().get("keep");
                if (keep != null) {
                    // The loaded node stays in that folder; the same command again continues the run from it.
                    properties.put("repdesk.db.data-dir", keep);
                    properties.put("repdesk.db.keep-data", true);
                }
            }
            case BENCH_INSIGHT -> {
                benchmarkOnScratch(properties, options, "bench-insight", false);
                properties.put("repdesk.insight.tail", false);
                String keep = options.evaluation().get("keep");
                if (keep != null) {
                    // The database stays in that folder; a second run on it times the dashboards again.
                    properties.put("repdesk.db.data-dir", keep);
                    properties.put("repdesk.db.keep-data", true);
                }
            }
            case BENCH_PREVENT -> {
                // The benchmark drives the signals projection itself and times it; nothing else tails the journal.
                benchmarkOnScratch(properties, options, "bench-prevent", false);
                properties.put("repdesk.insight.tail", false);
                properties.put("repdesk.prevent.signal-interval", "0s");
                properties.put("repdesk.prevent.check-interval", "0s");
            }
            case BENCH_MATCHING -> {
                properties.put("repdesk.command", "bench-matching");
                String corpus = options.evaluation().get("corpus");
                properties.put("repdesk.db.data-dir", corpus != null ? corpus : ScratchDirectory.create());
                properties.put("repdesk.casework.matching.enabled", false);
                properties.put("repdesk.need.discovery-interval-seconds", 0);
                properties.put("logging.level.root", "WARN");
                options.evaluation().forEach((k, v) -> properties.put("repdesk.eval." + k, v));
            }
            default -> {
            }
        }
        if (options.dbUrl() != null) {
            properties.put("repdesk.db.url", options.dbUrl());
        }
        return properties;
    }

    static void printHelp(PrintStream out) {
        out.println("""
                repdesk — customer support that counts, prices and eliminates service needs

                Usage: repdesk <command> [options]

                Commands:
                  demo    Run with demo data (a fictional bank app company) on the embedded PostgreSQL.
                          The demo data is loaded once; later starts reuse it.
                  serve   Run without demo data. Uses the embedded PostgreSQL unless --db-url
                          (or REPDESK_DB_URL) names an external one.
                  reindex Rebuild this node's search index from PostgreSQL (with a progress bar), then exit.
                          Stop the server that uses the same data directory first.
                  backup [--data DIR] [--to FILE|FOLDER]
                          Write the database (one consistent snapshot), the attachment files and a manifest with
                          counts and SHA-256 checksums into one .tar.gz (default repdesk-backup-<UTC time>.tar.gz
                          in the current folder, or in REPDESK_BACKUP_DIR). Works while repdesk runs.
                  restore FILE [--data DIR] [--force]
                          Check FILE against its manifest, then restore the database and attachments into DIR;
                          the search index is rebuilt at the next start. Refuses while repdesk runs on DIR, and
                          refuses a DIR that holds data unless --force (which replaces it).
                  eval matching --train TRAIN.csv --test TEST.csv
                          Load TRAIN (header text,category) as confirmed history, match every TEST row
                          as a new contact, print accuracy and new-need detection. Scratch database.
                  eval discovery --test TEST.csv
                          Cluster the TEST texts without labels or a number of clusters; print NMI/ARI.
                  eval suggestions --train TRAIN.csv --test TEST.csv
                          Write one article per TRAIN category from its texts, try the suggestion cut-offs
                          (need confidence, article similarity) on a tuning split of TRAIN, choose the best
                          pair by F1 and print its precision and recall on TEST beside the configured pair's.
                  bench matching [--needs N] [--contacts N] [--queries N] [--threads N] [--callers N] [--corpus DIR]
                          Time the matcher with N synthetic needs (default 10,000) and contacts (default
                          1,000,000) in the index: latency p50/p99, contacts per second with --callers
                          concurrent callers (default 8 per core), index size, heap.
                          --corpus keeps the synthetic corpus in DIR for later runs (default: scratch).
                          The launcher's "bench matching [runs]" repeats it and records medians.
                  bench sla [--cases N]
                          Open N cases (default 100,000) with two SLA policies in a scratch database and
                          time recomputing every open case's clocks (three passes).
                  bench insight [--contacts N] [--events N] [--needs N] [--keep DIR]
                          Write a synthetic journal of N contacts (default 1,000,000) and N entries in all
                          (default ten per contact) with N needs (default 10,000), build the insight rollups
                          from it, and time every dashboard's server work (p50/p99).
                  bench email [--messages N] [--runs N]
                          Fill an in-process IMAP server (GreenMail) with N realistic emails (default 10,000)
                          and time the real mailbox reader until all are contacts; a fresh mailbox per run
                          (default 3 runs); prints messages per second.
                  bench load [--contacts N] [--needs N] [--customers N] [--stop-at N] [--keep DIR]
                          Generate a realistic workload in a scratch database through the ingestion path
                          (default 100,000 contacts, 10,000 needs, 10,000 customers): BANKING77 texts with
                          variation, needs with lifecycle shapes, matching and the search index live; prints
                          ingest and ingest-and-match throughput, p50/p99 of HTTP requests (API contact
                          creation, inbox, case page, need page, needs list, SLA report, agent search), heap,
                          RSS, database and index size.
                          --stop-at N measures after the first N of the run's contacts and stops; --keep DIR
                          keeps the loaded node in DIR, and the same command with a larger --stop-at (or
                          none) continues from it. 'touch DIR/pause' stops recording at any moment (matching
                          finishes first); the same command continues.
                  bench search [--articles N] [--users N]
                          Portal search latency (p50/p99) with 10,000 published articles and 50 concurrent users.
                  bench prevent [--customers N] [--contacts N]
                          Register N customers (default 100,000) and put N contacts (default 50,000) on one
                          need, a planted cohort over-represented among them; time its evidence (three passes).
                  bench startup [runs]
                          Measure start-up and record medians in docs/benchmarks.md (launcher only).
                  test    Build repdesk and run its whole test suite (launcher only).
                  help    Show this text.

                Options:
                  --port N        HTTP port (default 8080, or REPDESK_PORT)
                  --data DIR      data directory for the embedded PostgreSQL (default ./data, or REPDESK_DATA)
                  --to FILE       backup only: the archive to write, or a folder to write it in
                  --force         restore only: replace the database and attachments already in DIR
                  --db-url URL    JDBC URL of an external PostgreSQL (serve only; user and password from
                                  REPDESK_DB_USERNAME and REPDESK_DB_PASSWORD)
                  --name=value    any other setting, e.g. --repdesk.db.pool-size=20 (see README.md)
                """);
    }

    /**
     * A benchmark on a scratch database: no background matching, discovery or SLA passes, so only what the
     * benchmark drives runs; {@code searchTail} keeps the search index fed from the journal.
     */
    private static void benchmarkOnScratch(Map<String, Object> properties, LaunchOptions options, String command,
            boolean searchTail) {
        properties.put("repdesk.command", command);
        properties.put("repdesk.db.data-dir", ScratchDirectory.create());
        properties.put("repdesk.db.clean-start", true);
        properties.put("repdesk.casework.matching.enabled", false);
        properties.put("repdesk.casework.sla-interval", "0s");
        properties.put("repdesk.need.discovery-interval-seconds", 0);
        if (!searchTail) {
            properties.put("repdesk.search.tail", false);
        }
        properties.put("logging.level.root", "WARN");
        options.evaluation().forEach((k, v) -> properties.put("repdesk.eval." + k, v));
    }
}
