package io.repdesk.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.IntakeFlowId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores intake flows and every version of them in {@code intake_flow} and {@code intake_flow_version}. */
@Repository
class IntakeFlows {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    private static final String CURRENT = """
            select v.* from intake_flow f join intake_flow_version v on v.flow_id = f.id and v.version = f.version
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IntakeFlows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a new flow (its first version) or a new version of a flow, which becomes the current one. */
    void save(IntakeFlow flow) {
        OffsetDateTime at = flow.revisedAt().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into intake_flow (id, name, category, channel, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, category = excluded.category,
                    channel = excluded.channel, version = excluded.version, updated_at = excluded.updated_at
                """).params(flow.id().value(), flow.name(), flow.category(), flow.channel(), flow.version(), at, at)
                .update();
        jdbc.sql("""
                insert into intake_flow_version (flow_id, version, name, category, channel, questions, created_at,
                    created_by)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """).params(flow.id().value(), flow.version(), flow.name(), flow.category(), flow.channel(),
                json.writeValueAsString(flow.questions()), at, flow.revisedBy()).update();
    }

    /** The current version number, locking the flow until the transaction ends so revisions take turns. */
    Optional<Integer> lockCurrentVersion(IntakeFlowId id) {
        return jdbc.sql("select version from intake_flow where id = ? for update").param(id.value())
                .query(Integer.class).optional();
    }

    Optional<IntakeFlow> current(IntakeFlowId id) {
        return jdbc.sql(CURRENT + " where f.id = ?").param(id.value()).query(this::flow).optional();
    }

    Optional<IntakeFlow> version(IntakeFlowId id, int version) {
        return jdbc.sql("select * from intake_flow_version where flow_id = ? and version = ?")
                .params(id.value(), version).query(this::flow).optional();
    }

    /** Every version of a flow, newest first. */
    List<IntakeFlow> history(IntakeFlowId id) {
        return jdbc.sql("select * from intake_flow_version where flow_id = ? order by version desc")
                .param(id.value()).query(this::flow).list();
    }

    /** The current version of every flow, by name. */
    List<IntakeFlow> all() {
        return jdbc.sql(CURRENT + " order by lower(v.name), v.flow_id").query(this::flow).list();
    }

    /** The name of another flow already chosen by this category and channel, if any. */
    Optional<String> takenBy(String category, @Nullable String channel, @Nullable IntakeFlowId except) {
        return jdbc.sql("""
                select name from intake_flow
                where lower(category) = lower(?) and coalesce(channel, '') = coalesce(?, '') and id <> ?
                """).params(category, channel, except == null ? new UUID(0, 0) : except.value())
                .query(String.class).optional();
    }

    private IntakeFlow flow(ResultSet rs, int row) throws SQLException {
        return new IntakeFlow(new IntakeFlowId(rs.getObject("flow_id", UUID.class)), rs.getInt("version"),
                rs.getString("name"), rs.getString("category"), rs.getString("channel"),
                json.readValue(rs.getString("questions"), QUESTIONS),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }
}
