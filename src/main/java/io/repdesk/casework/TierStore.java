package io.repdesk.casework;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The named support levels, in {@code casework_tier}. */
@Repository
class TierStore {

    private final JdbcClient jdbc;

    TierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TierLevel> all() {
        return jdbc.sql("select * from casework_tier order by position")
                .query((rs, row) -> new TierLevel(Tier.valueOf(rs.getString("tier")), rs.getString("name"),
                        rs.getString("description"), rs.getBoolean("in_use")))
                .list();
    }

    void update(TierLevel level) {
        jdbc.sql("update casework_tier set name = ?, description = ?, in_use = ? where tier = ?")
                .params(level.name(), level.description(), level.inUse(), level.tier().name()).update();
    }

    /** Frees every name before renaming, so two levels can swap names in one change. */
    void clearNames() {
        jdbc.sql("update casework_tier set name = '#' || tier").update();
    }
}
