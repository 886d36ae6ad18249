package io.repdesk.prevent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores test environments in {@code prevent_test_environment}. */
@Repository
class TestEnvironments {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TestEnvironments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(TestEnvironment e) {
        jdbc.sql("""
                insert into prevent_test_environment (id, name, product, platform, version, plan, region, attributes,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                """)
                .params(e.id(), e.name(), e.product(), e.platform(), e.version(), e.plan(), e.region(),
                        json.writeValueAsString(e.attributes()), e.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select exists (select 1 from prevent_test_environment where lower(name) = lower(?))")
                .param(name).query(Boolean.class).single();
    }

    int delete(UUID id) {
        return jdbc.sql("delete from prevent_test_environment where id = ?").param(id).update();
    }

    List<TestEnvironment> all() {
        return jdbc.sql("select * from prevent_test_environment order by name").query((rs, row) -> new TestEnvironment(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("product"), rs.getString("platform"),
                rs.getString("version"), rs.getString("plan"), rs.getString("region"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                rs.getObject("created_at", OffsetDateTime.class).toInstant())).list();
    }
}
