package io.repdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.repdesk.BackupManifest.SequenceValue;
import io.repdesk.BackupManifest.Table;

/**
 * The repdesk database copied out and in through PostgreSQL's COPY protocol. The copy out runs in one
 * repeatable-read, read-only transaction, so every table shows the same moment (as pg_dump does) while repdesk
 * goes on writing. The embedded PostgreSQL binaries carry no pg_dump, and a pg_dump older than the server refuses
 * to run; the schema itself comes back from the Flyway migrations, so only rows and sequence values are copied.
 */
final class DatabaseDump {

    private static final String TABLES = """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r' order by c.relname""";

    private DatabaseDump() {
    }

    /** What was copied out: the tables with their files and the state of the database around them. */
    record Snapshot(String schemaVersion, String postgres, List<Table> tables, List<SequenceValue> sequences) {
    }

    /** Copies every table into {@code <directory>/<table>.copy}, calling back after each table. */
    static Snapshot dump(Connection connection, Path directory, LongConsumer progress) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            String schema = single(connection, "select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank desc limit 1");
            String postgres = single(connection, "show server_version");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<Table> tables = new ArrayList<>();
            for (String name : names(connection, TABLES)) {
                List<String> columns = columns(connection, name);
                try (OutputStream out = Files.newOutputStream(directory.resolve(name + ".copy"))) {
                    long rows = copy.copyOut("copy " + quote(name) + " (" + columnList(columns) + ") to stdout (format binary)",
                            out);
                    tables.add(new Table(name, columns, rows));
                }
                progress.accept(tables.size());
            }
            List<SequenceValue> sequences = sequences(connection);
            connection.commit();
            return new Snapshot(schema, postgres, tables, sequences);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    static int tableCount(Connection connection) throws SQLException {
        return names(connection, TABLES).size();
    }

    /**
     * Loads rows into a database migrated to the backup's schema: triggers and foreign keys are held off
     * ({@code session_replication_role = replica}) so rows come back exactly as they were, whatever the order of the
     * tables, and what the migrations seeded is replaced. Nothing is visible until {@link #finish()} commits.
     */
    static final class Load implements AutoCloseable {

        private final Connection connection;
        private final CopyManager copy;
        private final List<Table> expected;

        Load(Connection connection, List<Table> expected) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.expected = expected;
            List<String> present = names(connection, TABLES);
            List<String> wanted = expected.stream().map(Table::name).sorted().toList();
            if (!present.equals(wanted)) {
                throw new BackupFailed("The migrated schema has the tables " + present + " but the archive holds " + wanted
                        + "; it was written by a repdesk whose migrations differ from this one's");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute("truncate " + String.join(", ", present.stream().map(DatabaseDump::quote).toList()));
            }
        }

        /** Copies one table's rows in and checks that as many arrived as the manifest promised. */
        void table(String name, InputStream rows) throws SQLException, IOException {
            Table table = expected.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new BackupFailed("The archive holds rows of " + name + ", a table its manifest lacks"));
            List<String> columns = columns(connection, name);
            if (!columns.equals(table.columns())) {
                throw new BackupFailed("Table " + name + " has the columns " + columns + " here but " + table.columns()
                        + " in the archive");
            }
            long loaded = copy.copyIn("copy " + quote(name) + " (" + columnList(columns) + ") from stdin (format binary)",
                    rows);
            if (loaded != table.rows()) {
                throw new BackupFailed("Table " + name + ": " + loaded + " rows loaded, the manifest says " + table.rows());
            }
        }

        /** Sets the sequences where they were and commits. */
        void finish(List<SequenceValue> sequences) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (SequenceValue sequence : sequences) {
                    if (sequence.lastValue() != null) {
                        statement.execute("select setval('" + quote(sequence.name()).replace("'", "''") + "', "
                                + sequence.lastValue() + ", true)");
                    }
                }
                statement.execute("set session_replication_role = origin");
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }

    private static List<SequenceValue> sequences(Connection connection) throws SQLException {
        List<SequenceValue> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                sequences.add(new SequenceValue(name, rs.wasNull() ? null : value));
            }
        }
        return sequences;
    }

    /** The columns COPY can write, in table order; generated columns are computed again on the way in. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped
                and attgenerated = '' order by attnum""")) {
            statement.setString(1, quote(table));
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns;
        }
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> values = names(connection, sql);
        if (values.isEmpty()) {
            throw new BackupFailed("The database has no Flyway schema history; it is not a repdesk database");
        }
        return values.getFirst();
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseDump::quote).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
