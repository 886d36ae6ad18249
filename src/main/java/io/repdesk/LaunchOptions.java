package io.repdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Parsed command-line arguments; environment variables fill what the arguments leave out.
 *
 * @param settings {@code --name=value} arguments passed on to Spring as settings ({@code --repdesk.db.pool-size=20})
 */
record LaunchOptions(Command command, int port, String dataDir, @Nullable String dbUrl, List<String> settings) {

    enum Command {
        DEMO, SERVE, REINDEX, HELP
    }

    static LaunchOptions parse(String[] args) {
        return parse(args, System.getenv());
    }

    static LaunchOptions parse(String[] args, Map<String, String> env) {
        if (args.length == 0) {
            return new LaunchOptions(Command.HELP, 8080, "data", null, List.of());
        }
        Command command = switch (args[0]) {
            case "demo" -> Command.DEMO;
            case "serve" -> Command.SERVE;
            case "reindex" -> Command.REINDEX;
            case "help", "--help", "-h" -> Command.HELP;
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        };
        int port = port(env.getOrDefault("REPDESK_PORT", "8080"), "REPDESK_PORT");
        String dataDir = env.getOrDefault("REPDESK_DATA", "data");
        String dbUrl = blankToNull(env.get("REPDESK_DB_URL"));
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--") && option.contains("=")) {
                settings.add(option);
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (option) {
                case "--port" -> port = port(required(option, value), option);
                case "--data" -> dataDir = required(option, value);
                case "--db-url" -> dbUrl = required(option, value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            i++;
        }
        if (command == Command.REINDEX && args.length > 1 && java.util.Arrays.asList(args).contains("--port")) {
            throw new IllegalArgumentException("reindex serves nothing; --port does not apply");
        }
        if (command == Command.DEMO && dbUrl != null) {
            throw new IllegalArgumentException("demo runs on the embedded PostgreSQL; use 'serve --db-url' instead");
        }
        return new LaunchOptions(command, port, dataDir, dbUrl, List.copyOf(settings));
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
