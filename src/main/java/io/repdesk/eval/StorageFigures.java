package io.repdesk.eval;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sizes the benchmarks report from PostgreSQL. */
@Repository
class StorageFigures {

    private final JdbcClient jdbc;

    StorageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current database's size on disk, tables, indexes and TOAST included. */
    long databaseBytes() {
        return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
    }

    /** Rows in the journal. */
    long journalEntries() {
        return jdbc.sql("select count(*) from journal_event").query(Long.class).single();
    }
}
