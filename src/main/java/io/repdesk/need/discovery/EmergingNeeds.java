package io.repdesk.need.discovery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.need.EmergingNeed;
import io.repdesk.need.EmergingNeed.Concentration;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores emerging needs in {@code need_emerging}. */
@Repository
public class EmergingNeeds {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EmergingNeeds(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(EmergingNeed e) {
        jdbc.sql("""
                insert into need_emerging (id, title, size, recent, previous, first_seen, last_seen, cases, samples,
                    concentrations, status, promoted_need_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, now())
                on conflict (id) do update set title = excluded.title, size = excluded.size, recent = excluded.recent,
                    previous = excluded.previous, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                    cases = excluded.cases, samples = excluded.samples, concentrations = excluded.concentrations,
                    status = excluded.status, promoted_need_id = excluded.promoted_need_id, updated_at = now()
                """)
                .params(e.id(), e.title(), e.size(), e.recent(), e.previous(), e.firstSeen().atOffset(ZoneOffset.UTC),
                        e.lastSeen().atOffset(ZoneOffset.UTC), e.cases().stream().map(CaseId::value).toArray(UUID[]::new),
                        json.writeValueAsString(e.samples()), json.writeValueAsString(e.concentrations()),
                        e.status().name(), e.promotedTo() == null ? null : e.promotedTo().value())
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from need_emerging where id = ?").param(id).update();
    }

    public List<EmergingNeed> withStatus(EmergingNeed.Status status) {
        return jdbc.sql("select * from need_emerging where status = ? order by recent - previous desc, size desc")
                .param(status.name()).query(this::map).list();
    }

    public Optional<EmergingNeed> find(UUID id) {
        return jdbc.sql("select * from need_emerging where id = ?").param(id).query(this::map).optional();
    }

    private EmergingNeed map(ResultSet rs, int row) throws SQLException {
        Array cases = rs.getArray("cases");
        UUID promoted = rs.getObject("promoted_need_id", UUID.class);
        return new EmergingNeed(rs.getObject("id", UUID.class), rs.getString("title"), rs.getInt("size"),
                rs.getInt("recent"), rs.getInt("previous"), rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                rs.getObject("last_seen", OffsetDateTime.class).toInstant(),
                Arrays.stream((UUID[]) cases.getArray()).map(CaseId::new).toList(),
                json.readValue(rs.getString("samples"), new TypeReference<List<String>>() {
                }),
                json.readValue(rs.getString("concentrations"), new TypeReference<List<Concentration>>() {
                }),
                EmergingNeed.Status.valueOf(rs.getString("status")), promoted == null ? null : new NeedId(promoted));
    }
}
