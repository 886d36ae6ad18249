package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RepdeskIntegrationTest
class PreventApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    CustomerManagement customers;

    @Autowired
    NeedManagement needs;

    @Autowired
    ContactManagement contacts;

    @Test
    void theEvidenceCarriesTheUpgradeWarningOfANewVersionHitFaster() {
        String product = "Api upgrade " + UUID.randomUUID().toString().substring(0, 6);
        NeedId need = needs.define(new NewNeed("api_upgrade_" + UUID.randomUUID().toString().substring(0, 8),
                "Login loops " + product, "", DemandClass.UNCLASSIFIED, null)).id();
        Instant recently = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 60; i++) {
            CustomerId id = customers.register(new NewCustomer(null, product + " user " + i,
                    UUID.randomUUID() + "@example.com", new EnvironmentProfile(product, i < 20 ? "5.3" : "5.2",
                            "iOS", "Business", "EU", Map.of()), null)).id();
            if (i < 8 || i == 30) {
                contacts.record(new NewContact(id, null, Channel.API, Direction.INBOUND, recently, "Login loops",
                        "The login page loops back to itself", null, null, need, null));
            }
        }

        ApiClient.Reply reply = ApiClient.as(port, json, "agent").get("/api/v1/needs/" + need.value() + "/evidence");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode warning = reply.body().path("upgradeWarnings").path(0);
        assertThat(warning.path("product").asString()).isEqualTo(product);
        assertThat(warning.path("version").asString()).isEqualTo("5.3");
        assertThat(warning.path("previousVersion").asString()).isEqualTo("5.2");
        assertThat(warning.path("affected").asLong()).isEqualTo(8);
        assertThat(warning.path("customers").asLong()).isEqualTo(20);
        assertThat(warning.path("othersAffected").asLong()).isEqualTo(1);
        assertThat(reply.body().path("upgradeWarnings")).hasSize(1);
    }

    @Test
    void anEnvironmentChangeIsRecordedWithItsMomentAndBadInputNamesTheField() {
        CustomerId id = customers.register(new NewCustomer(null, "Upgrader", UUID.randomUUID() + "@example.com",
                new EnvironmentProfile("Lumen app", "5.2", "Android", "Business", "EU", Map.of()), null)).id();
        ApiClient api = ApiClient.as(port, json, "agent");
        String path = "/api/v1/customers/" + id.value() + "/environment";
        Instant at = Instant.now().minus(Duration.ofHours(2));

        ApiClient.Reply changed = api.put(path, Map.of("environment", Map.of("product", "Lumen app", "version", "5.3",
                "platform", "Android", "plan", "Business", "region", "EU"), "at", at.toString()));
        ApiClient.Reply missing = api.put(path, Map.of("at", at.toString()));
        ApiClient.Reply future = api.put(path, Map.of("environment", Map.of("version", "5.4"), "at",
                Instant.now().plus(Duration.ofDays(1)).toString()));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("environment").path("version").asString()).isEqualTo("5.3");
        assertThat(customers.get(id).environment().version()).isEqualTo("5.3");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("environment");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").get(0).path("field").asString()).isEqualTo("at");
        assertThat(customers.get(id).environment().version()).isEqualTo("5.3");
    }
}
