package io.repdesk.need;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.NeedId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.Where;

/** Stores service needs in {@code need_need}. */
@Repository
class Needs {

    private final JdbcClient jdbc;

    Needs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ServiceNeed need) {
        jdbc.sql("""
                insert into need_need (id, key, title, description, stage, demand_class, workaround, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(need.id().value(), need.key(), need.title(), need.description(), need.stage().name(),
                        need.demandClass().name(), need.workaround(), utc(need.createdAt()), utc(need.updatedAt()))
                .update();
    }

    void markMerged(NeedId id, NeedId into, Instant at) {
        jdbc.sql("update need_need set merged_into = ?, updated_at = ? where id = ?")
                .params(into.value(), utc(at), id.value()).update();
    }

    void updateStage(NeedId id, LifecycleStage stage, Instant at) {
        jdbc.sql("update need_need set stage = ?, updated_at = ? where id = ?")
                .params(stage.name(), utc(at), id.value()).update();
    }

    void updateDemandClass(NeedId id, DemandClass demandClass, Instant at) {
        jdbc.sql("update need_need set demand_class = ?, updated_at = ? where id = ?")
                .params(demandClass.name(), utc(at), id.value()).update();
    }

    void updateWorkaround(NeedId id, String workaround, Instant at) {
        jdbc.sql("update need_need set workaround = ?, updated_at = ? where id = ?")
                .params(workaround, utc(at), id.value()).update();
    }

    Optional<ServiceNeed> find(NeedId id) {
        return jdbc.sql("select * from need_need where id = ?").param(id.value()).query(Needs::need).optional();
    }

    Optional<ServiceNeed> findByKey(String key) {
        return jdbc.sql("select * from need_need where key = ?").param(key).query(Needs::need).optional();
    }

    boolean keyTaken(String key) {
        return jdbc.sql("select exists (select 1 from need_need where key = ?)").param(key).query(Boolean.class)
                .single();
    }

    Map<NeedId, ServiceNeed> findAll(List<NeedId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from need_need where id = any(?)")
                .param(ids.stream().map(NeedId::value).distinct().toArray(UUID[]::new))
                .query(Needs::need).list().stream()
                .collect(Collectors.toMap(ServiceNeed::id, Function.identity()));
    }

    List<ServiceNeed> all() {
        return jdbc.sql("select * from need_need where merged_into is null order by title").query(Needs::need).list();
    }

    Page<ServiceNeed> page(NeedFilter filter, PageRequest page) {
        Where where = new Where().clause("merged_into is null").equal("stage", filter.stage())
                .equal("demand_class", filter.demandClass())
                .contains(filter.query(), "title", "key");
        return Paging.page(jdbc, "need_need", where, "title, id", page, Needs::need);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ServiceNeed need(ResultSet rs, int row) throws SQLException {
        return new ServiceNeed(new NeedId(rs.getObject("id", UUID.class)), rs.getString("key"), rs.getString("title"),
                rs.getString("description"), LifecycleStage.valueOf(rs.getString("stage")),
                DemandClass.valueOf(rs.getString("demand_class")), rs.getString("workaround"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("merged_into", UUID.class) == null ? null : new NeedId(rs.getObject("merged_into", UUID.class)));
    }
}
