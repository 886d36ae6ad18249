package io.repdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Parsed command-line arguments; environment variables fill what the arguments leave out.
 *
 * @param settings {@code --name=value} arguments passed on to Spring as settings ({@code --repdesk.db.pool-size=20})
 * @param evaluation the options of one command: eval files, bench sizes, the backup's {@code to}, the restore's
 *        {@code archive} and {@code force}
 */
record LaunchOptions(Command command, int port, String dataDir, @Nullable String dbUrl, List<String> settings,
        Map<String, String> evaluation) {

    enum Command {
        DEMO, SERVE, REINDEX, BACKUP, RESTORE, EVAL_MATCHING, EVAL_DISCOVERY, EVAL_SUGGESTIONS, BENCH_MATCHING, BENCH_SLA, BENCH_EMAIL, BENCH_SEARCH, BENCH_LOAD, BENCH_INSIGHT, BENCH_PREVENT, HELP
    }

    static LaunchOptions parse(String[] args) {
        return parse(args, System.getenv());
    }

    static LaunchOptions parse(String[] args, Map<String, String> env) {
        if (args.length == 0) {
            return new LaunchOptions(Command.HELP, 8080, "data", null, List.of(), Map.of());
        }
        Command command = switch (args[0]) {
            case "demo" -> Command.DEMO;
            case "serve" -> Command.SERVE;
            case "reindex" -> Command.REINDEX;
            case "backup" -> Command.BACKUP;
            case "restore" -> Command.RESTORE;
            case "eval" -> evalCommand(args);
            case "bench" -> benchCommand(args);
            case "help", "--help", "-h" -> Command.HELP;
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        };
        int port = port(env.getOrDefault("REPDESK_PORT", "8080"), "REPDESK_PORT");
        String dataDir = env.getOrDefault("REPDESK_DATA", "data");
        String dbUrl = blankToNull(env.get("REPDESK_DB_URL"));
        List<String> settings = new ArrayList<>();
        Map<String, String> evaluation = new java.util.HashMap<>();
        int firstOption = command == Command.EVAL_MATCHING || command == Command.EVAL_DISCOVERY
                || command == Command.EVAL_SUGGESTIONS
                || command == Command.BENCH_MATCHING || command == Command.BENCH_SLA
                || command == Command.BENCH_EMAIL || command == Command.BENCH_SEARCH
                || command == Command.BENCH_LOAD || command == Command.BENCH_INSIGHT
                || command == Command.BENCH_PREVENT ? 2 : 1;
        for (int i = firstOption; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--") && option.contains("=")) {
                settings.add(option);
                continue;
            }
            if (command == Command.RESTORE && !option.startsWith("--")) {
                if (evaluation.containsKey("archive")) {
                    throw new IllegalArgumentException("restore takes one archive, not also '" + option + "'");
                }
                evaluation.put("archive", archive(option));
                continue;
            }
            if (option.equals("--force")) {
                if (command != Command.RESTORE) {
                    throw new IllegalArgumentException("--force applies to 'restore' only");
                }
                evaluation.put("force", "true");
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (option) {
                case "--port" -> port = port(required(option, value), option);
                case "--data" -> dataDir = required(option, value);
                case "--db-url" -> dbUrl = required(option, value);
                case "--train", "--test" -> evaluation.put(option.substring(2), csv(option, required(option, value)));
                case "--cases" -> evaluation.put("cases", Integer.toString(count(option, required(option, value),
                        command == Command.BENCH_SLA, "'bench sla'")));
                case "--events" -> evaluation.put("events", Integer.toString(count(option, required(option, value),
                        command == Command.BENCH_INSIGHT, "'bench insight'")));
                case "--contacts" -> evaluation.put("contacts", Integer.toString(count(option, required(option, value),
                        command == Command.BENCH_MATCHING || command == Command.BENCH_LOAD
                                || command == Command.BENCH_INSIGHT || command == Command.BENCH_PREVENT,
                        "'bench matching', 'bench load', 'bench insight' and 'bench prevent'")));
                case "--needs" -> evaluation.put("needs", Integer.toString(count(option, required(option, value),
                        command == Command.BENCH_MATCHING || command == Command.BENCH_LOAD
                                || command == Command.BENCH_INSIGHT,
                        "'bench matching', 'bench load' and 'bench insight'")));
                case "--queries", "--threads", "--callers" -> evaluation.put(option.substring(2),
                        Integer.toString(count(option, required(option, value), command == Command.BENCH_MATCHING,
                                "'bench matching'")));
                case "--customers" -> evaluation.put("customers", Integer.toString(count(option,
                        required(option, value), command == Command.BENCH_LOAD || command == Command.BENCH_PREVENT,
                        "'bench load' and 'bench prevent'")));
                case "--messages", "--runs" -> evaluation.put(option.substring(2), Integer.toString(count(option,
                        required(option, value), command == Command.BENCH_EMAIL, "'bench email'")));
                case "--articles", "--users" -> evaluation.put(option.substring(2), Integer.toString(count(option,
                        required(option, value), command == Command.BENCH_SEARCH, "'bench search'")));
                case "--to" -> {
                    if (command != Command.BACKUP) {
                        throw new IllegalArgumentException("--to applies to 'backup' only");
                    }
                    evaluation.put("to", required(option, value));
                }
                case "--keep" -> {
                    if (command != Command.BENCH_INSIGHT && command != Command.BENCH_LOAD) {
                        throw new IllegalArgumentException("--keep applies to 'bench insight' and 'bench load' only");
                    }
                    evaluation.put("keep", java.nio.file.Path.of(required(option, value)).toAbsolutePath().toString());
                }
                case "--stop-at" -> evaluation.put("stop-at", Integer.toString(count(option, required(option, value),
                        command == Command.BENCH_LOAD, "'bench load'")));
                case "--corpus" -> evaluation.put("corpus",
                        java.nio.file.Path.of(required(option, value)).toAbsolutePath().toString());
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            i++;
        }
        if (command == Command.REINDEX && args.length > 1 && java.util.Arrays.asList(args).contains("--port")) {
            throw new IllegalArgumentException("reindex serves nothing; --port does not apply");
        }
        if ((command == Command.BACKUP || command == Command.RESTORE) && dbUrl != null) {
            throw new IllegalArgumentException(args[0] + " covers the embedded PostgreSQL in the data directory;"
                    + " an external PostgreSQL (--db-url or REPDESK_DB_URL) is backed up with its own tools (pg_dump)");
        }
        if ((command == Command.BACKUP || command == Command.RESTORE) && args.length > 1
                && java.util.Arrays.asList(args).contains("--port")) {
            throw new IllegalArgumentException(args[0] + " serves nothing; --port does not apply");
        }
        if (command == Command.RESTORE && !evaluation.containsKey("archive")) {
            throw new IllegalArgumentException("restore needs the archive to restore: repdesk restore FILE [--data DIR] [--force]");
        }
        if (command == Command.BACKUP && !evaluation.containsKey("to") && env.get("REPDESK_BACKUP_DIR") != null
                && !env.get("REPDESK_BACKUP_DIR").isBlank()) {
            evaluation.put("to", env.get("REPDESK_BACKUP_DIR"));
        }
        if (command == Command.DEMO && dbUrl != null) {
            throw new IllegalArgumentException("demo runs on the embedded PostgreSQL; use 'serve --db-url' instead");
        }
        if (command == Command.EVAL_MATCHING && !(evaluation.containsKey("train") && evaluation.containsKey("test"))) {
            throw new IllegalArgumentException("eval matching needs --train TRAIN.csv and --test TEST.csv");
        }
        if (command == Command.EVAL_SUGGESTIONS && !(evaluation.containsKey("train") && evaluation.containsKey("test"))) {
            throw new IllegalArgumentException("eval suggestions needs --train TRAIN.csv and --test TEST.csv");
        }
        if (command == Command.EVAL_DISCOVERY && !evaluation.containsKey("test")) {
            throw new IllegalArgumentException("eval discovery needs --test TEST.csv");
        }
        return new LaunchOptions(command, port, dataDir, dbUrl, List.copyOf(settings), Map.copyOf(evaluation));
    }

    private static Command evalCommand(String[] args) {
        String what = args.length > 1 ? args[1] : "";
        return switch (what) {
            case "matching" -> Command.EVAL_MATCHING;
            case "discovery" -> Command.EVAL_DISCOVERY;
            case "suggestions" -> Command.EVAL_SUGGESTIONS;
            default -> throw new IllegalArgumentException(
                    "eval needs 'matching', 'discovery' or 'suggestions', not '" + what + "'");
        };
    }

    private static Command benchCommand(String[] args) {
        String what = args.length > 1 ? args[1] : "";
        if (what.equals("matching")) {
            return Command.BENCH_MATCHING;
        }
        if (what.equals("sla")) {
            return Command.BENCH_SLA;
        }
        if (what.equals("email")) {
            return Command.BENCH_EMAIL;
        }
        if (what.equals("search")) {
            return Command.BENCH_SEARCH;
        }
        if (what.equals("load")) {
            return Command.BENCH_LOAD;
        }
        if (what.equals("insight")) {
            return Command.BENCH_INSIGHT;
        }
        if (what.equals("prevent")) {
            return Command.BENCH_PREVENT;
        }
        throw new IllegalArgumentException("bench needs 'matching', 'sla', 'email', 'search', 'load', 'insight' or 'prevent' (the launcher also has 'startup' and 'all'), not '"
                + what + "'");
    }

    private static int count(String option, String text, boolean applies, String where) {
        if (!applies) {
            throw new IllegalArgumentException(option + " applies to " + where + " only");
        }
        try {
            int n = Integer.parseInt(text.trim().replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number of 0 or more, not '" + text + "'");
        }
    }

    private static String csv(String option, String path) {
        java.nio.file.Path file = java.nio.file.Path.of(path);
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + path + ": no such readable file");
        }
        return file.toAbsolutePath().toString();
    }

    private static String archive(String path) {
        java.nio.file.Path file = java.nio.file.Path.of(path);
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException("restore FILE: " + path + " is no readable file");
        }
        return file.toAbsolutePath().toString();
    }

    private static String required(String option, @Nullable String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int port(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, not '" + text + "'");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
