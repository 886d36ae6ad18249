package io.repdesk.prevent;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/** Keeps the environments engineering tests on, so evidence can say which affected environments none covers. */
@Service
@Transactional(readOnly = true)
public class TestEnvironmentManagement {

    private final TestEnvironments environments;
    private final Journal journal;
    private final Clock clock;

    TestEnvironmentManagement(TestEnvironments environments, Journal journal, Clock clock) {
        this.environments = environments;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Records a test environment; custom attributes are {@code name=value} pairs.
     *
     * @throws InvalidInput naming the field that is blank, too long or malformed
     */
    @Transactional
    public TestEnvironment define(@Nullable String name, @Nullable String product, @Nullable String platform,
            @Nullable String version, @Nullable String plan, @Nullable String region,
            Map<String, String> attributes) {
        String clean = PreventManagement.required("name", name, 100);
        if (environments.nameTaken(clean)) {
            throw new Conflict("A test environment named " + clean + " already exists");
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            String key = k == null ? "" : k.strip();
            String value = v == null ? "" : v.strip();
            if (!key.matches("[A-Za-z0-9_.-]{1,50}") || value.isEmpty() || value.length() > 100) {
                throw new InvalidInput("attributes", "each must be name=value, the name 1 to 50 letters, digits, "
                        + "'.', '_' or '-', the value 1 to 100 characters");
            }
            attrs.put(key, value);
        });
        TestEnvironment e = new TestEnvironment(UUID.randomUUID(), clean, PreventManagement.optional("product", product),
                PreventManagement.optional("platform", platform), PreventManagement.optional("version", version),
                PreventManagement.optional("plan", plan), PreventManagement.optional("region", region), attrs,
                clock.instant());
        environments.insert(e);
        journal.append("prevent-environment", e.id(), "TestEnvironmentDefined", Map.of("name", clean,
                "values", List.copyOf(e.keys())));
        return e;
    }

    @Transactional
    public void remove(UUID id) {
        if (environments.delete(id) == 0) {
            throw new NotFound("test environment", id);
        }
        journal.append("prevent-environment", id, "TestEnvironmentRemoved", Map.of());
    }

    public List<TestEnvironment> all() {
        return environments.all();
    }
}
