package io.repdesk.prevent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The upgrade warnings already raised ({@code prevent_upgrade_warning}), so that each is journaled once. */
@Repository
class RaisedWarnings {

    private final JdbcClient jdbc;

    RaisedWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the warning; false when it was raised before. */
    boolean firstTime(UpgradeWarning w, Instant at) {
        return jdbc.sql("""
                insert into prevent_upgrade_warning (need_id, product, platform, version, raised_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """)
                .params(w.needId().value(), Objects.requireNonNullElse(w.product(), ""),
                        Objects.requireNonNullElse(w.platform(), ""), w.version(), at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }
}
