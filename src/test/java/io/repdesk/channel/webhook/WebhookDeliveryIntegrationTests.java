package io.repdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.WebhookReceiver;
import io.repdesk.casework.CaseManagement;
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
import io.repdesk.need.ServiceNeed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries sent to a real HTTP receiver on localhost, with time moved by the test clock. */
@RepdeskIntegrationTest
class WebhookDeliveryIntegrationTests {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Autowired
    WebhookManagement webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    Deliveries deliveries;

    @Autowired
    NeedManagement needs;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    final List<AutoCloseable> cleanup = new ArrayList<>();
    final List<UUID> subscribed = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        subscribed.forEach(webhooks::deactivate);
        clock.release();
    }

    @Test
    void retriesARefusingReceiverUntilItAcceptsThenSendsNothingMore() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(500, 503));
        CreatedSubscription created = subscribe(receiver.url(), WebhookEventType.NEED_DEFINED);
        pinClock();
        ServiceNeed need = defineNeed();
        Delivery queued = awaitDelivery(created.subscription().id());

        dispatcher.dispatchDue();
        Delivery first = webhooks.delivery(queued.id());
        assertThat(receiver.received()).hasSize(1);
        assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatusCode()).isEqualTo(500);
        assertThat(first.lastError()).startsWith("HTTP 500").contains("bad day");
        assertThat(first.nextAttemptAt()).isBetween(clock.instant().plusSeconds(24), clock.instant().plusSeconds(36));

        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("not due yet").hasSize(1);

        clock.advance(Duration.ofSeconds(40));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(2);
        assertThat(webhooks.delivery(queued.id()).lastStatusCode()).isEqualTo(503);

        clock.advance(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        Delivery delivered = webhooks.delivery(queued.id());
        assertThat(receiver.received()).hasSize(3);
        assertThat(delivered.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastStatusCode()).isEqualTo(200);
        assertThat(delivered.lastError()).isNull();
        assertThat(delivered.deliveredAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("nothing sent after success").hasSize(3);

        for (WebhookReceiver.Received request : receiver.received()) {
            assertThat(request.delivery()).isEqualTo(queued.id().toString());
            assertThat(request.event()).isEqualTo("need.defined");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).isEqualTo(queued.payload());
        }
        WebhookReceiver.Received last = receiver.received().getLast();
        assertThat(WebhookSignature.verify(created.secret(), last.signature(), last.body(), clock.instant(),
                Duration.ofDays(1).plus(TOLERANCE))).isTrue();
        assertThat(WebhookSignature.verify("whsec_not-the-secret", last.signature(), last.body(), clock.instant(),
                Duration.ofDays(2))).isFalse();
        JsonNode event = json.readTree(last.body());
        assertThat(event.path("id").asString()).isEqualTo(queued.eventId().toString());
        assertThat(event.path("type").asString()).isEqualTo("need.defined");
        assertThat(event.path("occurredAt").asString()).isNotBlank();
        assertThat(event.path("data").path("needId").asString()).isEqualTo(need.id().toString());
        assertThat(event.path("data").path("key").asString()).isEqualTo(need.key());
    }

    @Test
    void signsEachAttemptAtTheTimeItIsSent() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering());
        CreatedSubscription created = subscribe(receiver.url(), WebhookEventType.NEED_DEFINED);
        pinClock();
        defineNeed();
        awaitDelivery(created.subscription().id());

        dispatcher.dispatchDue();

        WebhookReceiver.Received request = receiver.received().getFirst();
        assertThat(request.signature()).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
        assertThat(WebhookSignature.verify(created.secret(), request.signature(), request.body(), clock.instant(),
                TOLERANCE)).isTrue();
    }

    @Test
    void aReceiverThatIsDownIsTriedAgainLater() {
        int port = WebhookReceiver.closedPort();
        CreatedSubscription created = subscribe("http://127.0.0.1:" + port + "/hooks", WebhookEventType.NEED_DEFINED);
        pinClock();
        defineNeed();
        Delivery queued = awaitDelivery(created.subscription().id());

        dispatcher.dispatchDue();
        Delivery refused = webhooks.delivery(queued.id());
        assertThat(refused.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastStatusCode()).isNull();
        assertThat(refused.lastError()).isNotBlank();
        assertThat(refused.nextAttemptAt()).isAfter(clock.instant());

        WebhookReceiver back = receiver(WebhookReceiver.onPort(port));
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();

        assertThat(back.received()).hasSize(1);
        assertThat(back.received().getFirst().delivery()).isEqualTo(queued.id().toString());
        assertThat(webhooks.delivery(queued.id()).status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(webhooks.delivery(queued.id()).attempts()).isEqualTo(2);
    }

    @Test
    void givesUpAfterTheLastAttemptOfTheSchedule() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(
                500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500));
        CreatedSubscription created = subscribe(receiver.url(), WebhookEventType.NEED_DEFINED);
        pinClock();
        defineNeed();
        Delivery queued = awaitDelivery(created.subscription().id());

        for (int attempt = 0; attempt < RetrySchedule.MAX_ATTEMPTS + 2; attempt++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(15));
        }

        Delivery failed = webhooks.delivery(queued.id());
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(RetrySchedule.MAX_ATTEMPTS);
        assertThat(receiver.received()).hasSize(RetrySchedule.MAX_ATTEMPTS);

        Delivery again = webhooks.sendAgain(queued.id());
        assertThat(again.status()).isEqualTo(Delivery.Status.PENDING);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(RetrySchedule.MAX_ATTEMPTS + 1);
        assertThat(receiver.received().getLast().delivery()).isEqualTo(queued.id().toString());
    }

    @Test
    void aClaimedDeliveryIsNotClaimedByAnotherNodeUntilItsLeaseRunsOut() {
        CreatedSubscription created = subscribe("http://127.0.0.1:" + WebhookReceiver.closedPort() + "/hooks",
                WebhookEventType.NEED_DEFINED);
        pinClock();
        defineNeed();
        Delivery queued = awaitDelivery(created.subscription().id());
        Instant now = clock.instant();

        List<Deliveries.Claimed> first = deliveries.claimDue(now, now.plusSeconds(75), 1000);
        List<Deliveries.Claimed> second = deliveries.claimDue(now, now.plusSeconds(75), 1000);
        List<Deliveries.Claimed> afterLease = deliveries.claimDue(now.plusSeconds(76), now.plusSeconds(150), 1000);

        assertThat(first).extracting(c -> c.delivery().id()).contains(queued.id());
        assertThat(second).extracting(c -> c.delivery().id()).doesNotContain(queued.id());
        assertThat(afterLease).extracting(c -> c.delivery().id()).contains(queued.id());
    }

    @Test
    void aCaseOpenedByAContactIsSentWithItsReferenceAndOnlyToSubscribersOfThatEvent() {
        WebhookReceiver cases = receiver(WebhookReceiver.answering());
        WebhookReceiver needsOnly = receiver(WebhookReceiver.answering());
        CreatedSubscription caseSubscription = subscribe(cases.url(), WebhookEventType.CASE_OPENED);
        subscribe(needsOnly.url(), WebhookEventType.NEED_STAGE_CHANGED);
        var customer = customers.register(new NewCustomer(null, "Webhook Person",
                "webhook-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null));

        var recorded = contacts.record(new NewContact(customer.id(), null, Channel.CHAT, Direction.INBOUND,
                Instant.now(), "The app logs me out", "Every few minutes the app logs me out", null,
                "chat-" + UUID.randomUUID(), null, null));
        awaitDelivery(caseSubscription.subscription().id());
        dispatcher.dispatchDue();

        assertThat(cases.received()).hasSize(1);
        JsonNode data = json.readTree(cases.received().getFirst().body()).path("data");
        assertThat(data.path("caseId").asString()).isEqualTo(recorded.contact().caseId().toString());
        assertThat(data.path("reference").asString())
                .isEqualTo(this.cases.get(recorded.contact().caseId()).reference());
        assertThat(data.path("customerId").asString()).isEqualTo(customer.id().toString());
        assertThat(data.path("status").asString()).isEqualTo("NEW");
        assertThat(needsOnly.received()).isEmpty();
    }

    @Test
    void finishedDeliveriesAreDeletedAfterTheRetentionAndPendingOnesKept() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering());
        CreatedSubscription accepting = subscribe(receiver.url(), WebhookEventType.NEED_DEFINED);
        CreatedSubscription down = subscribe("http://127.0.0.1:" + WebhookReceiver.closedPort() + "/hooks",
                WebhookEventType.NEED_DEFINED);
        pinClock();
        defineNeed();
        Delivery delivered = awaitDelivery(accepting.subscription().id());
        Delivery waiting = awaitDelivery(down.subscription().id());
        dispatcher.dispatchDue();
        webhooks.deactivate(down.subscription().id());

        clock.advance(Duration.ofDays(29));
        dispatcher.prune();
        assertThat(webhooks.recentDeliveries(accepting.subscription().id())).extracting(Delivery::id)
                .containsExactly(delivered.id());

        clock.advance(Duration.ofDays(2));
        dispatcher.prune();
        assertThat(webhooks.recentDeliveries(accepting.subscription().id())).isEmpty();
        assertThat(webhooks.recentDeliveries(down.subscription().id())).extracting(Delivery::id)
                .containsExactly(waiting.id());
    }

    @Test
    void aDeactivatedSubscriptionIsSentNothing() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering());
        CreatedSubscription created = subscribe(receiver.url(), WebhookEventType.NEED_DEFINED);
        webhooks.deactivate(created.subscription().id());

        defineNeed();
        dispatcher.dispatchDue();

        assertThat(webhooks.recentDeliveries(created.subscription().id())).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    /** Stops the clock now, to the millisecond, as PostgreSQL keeps it. */
    private void pinClock() {
        clock.pin(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private WebhookReceiver receiver(WebhookReceiver receiver) {
        cleanup.add(receiver);
        return receiver;
    }

    private CreatedSubscription subscribe(String url, WebhookEventType type) {
        CreatedSubscription created = webhooks.subscribe(new SubscriptionRequest(url, "integration test",
                Set.of(type), true));
        subscribed.add(created.subscription().id());
        return created;
    }

    private ServiceNeed defineNeed() {
        String key = "webhook-" + UUID.randomUUID().toString().substring(0, 8);
        return needs.define(new NewNeed(key, "Webhook test need " + key, "", DemandClass.UNCLASSIFIED, null));
    }

    /** Deliveries are queued once the event's transaction commits; wait for that, with a deadline. */
    private Delivery awaitDelivery(UUID subscriptionId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> found = webhooks.recentDeliveries(subscriptionId);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no delivery was queued for subscription " + subscriptionId);
    }
}
