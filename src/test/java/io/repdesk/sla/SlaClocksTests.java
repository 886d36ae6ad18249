package io.repdesk.sla;

import static io.repdesk.sla.Calendars.ny;
import static io.repdesk.sla.CaseEvent.agentReply;
import static io.repdesk.sla.CaseEvent.created;
import static io.repdesk.sla.CaseEvent.customerMessage;
import static io.repdesk.sla.CaseEvent.statusChanged;
import static io.repdesk.sla.CaseState.OPEN;
import static io.repdesk.sla.CaseState.RESOLVED;
import static io.repdesk.sla.CaseState.WAITING_ON_CUSTOMER;
import static io.repdesk.sla.CaseState.WAITING_ON_THIRD_PARTY;
import static io.repdesk.sla.SlaTarget.FIRST_RESPONSE;
import static io.repdesk.sla.SlaTarget.NEXT_RESPONSE;
import static io.repdesk.sla.SlaTarget.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class SlaClocksTests {

    final SlaPolicy policy = Policies.standard();

    ClockState clock(SlaTarget target, String now, CaseEvent... timeline) {
        return SlaClocks.evaluate(policy, List.of(timeline), ny(now)).clock(target).orElseThrow();
    }

    @Test
    void firstResponseIsMetByAReplyBeforeItIsDue() {
        var clock = clock(FIRST_RESPONSE, "2025-06-09T15:00", created(ny("2025-06-09T10:00")),
                agentReply(ny("2025-06-09T13:00")));

        assertThat(clock.status()).isEqualTo(ClockStatus.MET);
        assertThat(clock.metAt()).isEqualTo(ny("2025-06-09T13:00"));
        assertThat(clock.dueAt()).isEqualTo(ny("2025-06-09T14:00"));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(clock.remaining()).isEqualTo(Duration.ofHours(1));
        assertThat(clock.breachedAt()).isNull();
    }

    @Test
    void firstResponseBreachesAtItsDueInstantWithoutAReply() {
        var clock = clock(FIRST_RESPONSE, "2025-06-09T15:00", created(ny("2025-06-09T10:00")));

        assertThat(clock.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(clock.breachedAt()).isEqualTo(ny("2025-06-09T14:00"));
        assertThat(clock.dueAt()).isEqualTo(ny("2025-06-09T14:00"));
        assertThat(clock.remaining()).isEqualTo(Duration.ofHours(-1));
        assertThat(clock.metAt()).isNull();
    }

    @Test
    void aReplyAfterTheDueInstantIsMetLateAndOneAtItIsOnTime() {
        var late = clock(FIRST_RESPONSE, "2025-06-09T17:00", created(ny("2025-06-09T10:00")),
                agentReply(ny("2025-06-09T16:00")));
        var onTheDot = clock(FIRST_RESPONSE, "2025-06-09T17:00", created(ny("2025-06-09T10:00")),
                agentReply(ny("2025-06-09T14:00")));

        assertThat(late.status()).isEqualTo(ClockStatus.MET_LATE);
        assertThat(late.breachedAt()).isEqualTo(ny("2025-06-09T14:00"));
        assertThat(late.metAt()).isEqualTo(ny("2025-06-09T16:00"));
        assertThat(late.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(onTheDot.status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void countsOnlyBusinessTimeAndWarnsWithinTheLeadTime() {
        CaseEvent createdFriday = created(ny("2025-06-06T15:00"));

        var mondayEarly = clock(FIRST_RESPONSE, "2025-06-09T09:30", createdFriday);
        var mondayLater = clock(FIRST_RESPONSE, "2025-06-09T10:00", createdFriday);

        assertThat(mondayEarly.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(mondayEarly.elapsed()).isEqualTo(Duration.ofMinutes(150));
        assertThat(mondayLater.status()).isEqualTo(ClockStatus.WARNING);
        assertThat(mondayLater.remaining()).isEqualTo(Duration.ofHours(1));
        assertThat(mondayLater.dueAt()).isEqualTo(ny("2025-06-09T11:00"));
    }

    @Test
    void pausesWhileWaitingOnTheCustomerAndResumesWhenTheCaseMovesOn() {
        CaseEvent[] waiting = {created(ny("2025-06-09T09:00")),
                statusChanged(ny("2025-06-09T10:00"), WAITING_ON_CUSTOMER)};
        var paused = SlaClocks.evaluate(policy, List.of(waiting), ny("2025-06-09T15:00"));
        var resumed = clock(FIRST_RESPONSE, "2025-06-10T10:00", waiting[0], waiting[1],
                customerMessage(ny("2025-06-10T09:00")), statusChanged(ny("2025-06-10T09:00"), OPEN));

        assertThat(paused.clocks().values()).extracting(ClockState::status).containsOnly(ClockStatus.PAUSED);
        assertThat(paused.clock(FIRST_RESPONSE).orElseThrow().dueAt()).isNull();
        assertThat(paused.clock(FIRST_RESPONSE).orElseThrow().elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(paused.clock(RESOLUTION).orElseThrow().remaining()).isEqualTo(Duration.ofHours(15));
        assertThat(resumed.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(resumed.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(resumed.dueAt()).isEqualTo(ny("2025-06-10T12:00"));
    }

    @Test
    void waitingOnAThirdPartyPausesOnlyWhenThePolicySaysSo() {
        List<CaseEvent> timeline = List.of(created(ny("2025-06-09T09:00")),
                statusChanged(ny("2025-06-09T10:00"), WAITING_ON_THIRD_PARTY));
        var lenient = Policies.pausingIn(Set.of(WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY));

        var counting = SlaClocks.evaluate(policy, timeline, ny("2025-06-09T12:00")).clock(RESOLUTION).orElseThrow();
        var pausing = SlaClocks.evaluate(lenient, timeline, ny("2025-06-09T12:00")).clock(RESOLUTION).orElseThrow();

        assertThat(counting.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(counting.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(pausing.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(pausing.elapsed()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBreachedClockStaysBreachedWhilePaused() {
        var clock = clock(FIRST_RESPONSE, "2025-06-10T12:00", created(ny("2025-06-09T09:00")),
                statusChanged(ny("2025-06-09T15:00"), WAITING_ON_CUSTOMER));

        assertThat(clock.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(clock.breachedAt()).isEqualTo(ny("2025-06-09T13:00"));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void eachCustomerMessageAfterAReplyStartsOneNextResponseCycle() {
        var evaluation = SlaClocks.evaluate(policy, List.of(created(ny("2025-06-09T09:00")),
                agentReply(ny("2025-06-09T09:30")), customerMessage(ny("2025-06-09T11:00")),
                customerMessage(ny("2025-06-09T11:30")), agentReply(ny("2025-06-09T12:00")),
                customerMessage(ny("2025-06-09T13:00"))), ny("2025-06-09T16:00"));

        assertThat(evaluation.responseCycles()).hasSize(2);
        var answered = evaluation.responseCycles().getFirst();
        assertThat(answered.status()).isEqualTo(ClockStatus.MET);
        assertThat(answered.startedAt()).isEqualTo(ny("2025-06-09T11:00"));
        assertThat(answered.metAt()).isEqualTo(ny("2025-06-09T12:00"));
        assertThat(answered.elapsed()).isEqualTo(Duration.ofHours(1));
        var waiting = evaluation.clock(NEXT_RESPONSE).orElseThrow();
        assertThat(waiting).isEqualTo(evaluation.responseCycles().getLast());
        assertThat(waiting.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(waiting.startedAt()).isEqualTo(ny("2025-06-09T13:00"));
        assertThat(waiting.breachedAt()).isEqualTo(ny("2025-06-09T15:00"));
        assertThat(evaluation.clock(FIRST_RESPONSE).orElseThrow().status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void customerMessagesBeforeTheFirstReplyAreStillFirstResponse() {
        var evaluation = SlaClocks.evaluate(policy, List.of(created(ny("2025-06-09T09:00")),
                customerMessage(ny("2025-06-09T10:00"))), ny("2025-06-09T11:00"));

        assertThat(evaluation.clock(NEXT_RESPONSE)).isEmpty();
        assertThat(evaluation.responseCycles()).isEmpty();
        assertThat(evaluation.clock(FIRST_RESPONSE).orElseThrow().elapsed()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void reopeningResumesTheResolutionClockWithoutCountingTheTimeResolved() {
        CaseEvent[] resolved = {created(ny("2025-06-09T09:00")), agentReply(ny("2025-06-09T10:00")),
                statusChanged(ny("2025-06-09T13:00"), RESOLVED)};
        var met = clock(RESOLUTION, "2025-06-10T12:00", resolved);
        var reopened = clock(RESOLUTION, "2025-06-11T11:00", resolved[0], resolved[1], resolved[2],
                customerMessage(ny("2025-06-11T09:00")), statusChanged(ny("2025-06-11T09:00"), OPEN));

        assertThat(met.status()).isEqualTo(ClockStatus.MET);
        assertThat(met.metAt()).isEqualTo(ny("2025-06-09T13:00"));
        assertThat(met.elapsed()).isEqualTo(Duration.ofHours(4));
        assertThat(reopened.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(reopened.metAt()).isNull();
        assertThat(reopened.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(reopened.dueAt()).isEqualTo(ny("2025-06-12T13:00"));
    }

    @Test
    void resolvingBeforeAnyReplyStopsTheFirstResponseClock() {
        var evaluation = SlaClocks.evaluate(policy, List.of(created(ny("2025-06-09T09:00")),
                statusChanged(ny("2025-06-09T11:00"), RESOLVED)), ny("2025-06-09T16:00"));

        var firstResponse = evaluation.clock(FIRST_RESPONSE).orElseThrow();
        assertThat(firstResponse.status()).isEqualTo(ClockStatus.STOPPED);
        assertThat(firstResponse.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(firstResponse.dueAt()).isNull();
        assertThat(evaluation.clock(RESOLUTION).orElseThrow().status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void listsEveryBreachUpToNowInTheOrderTheyHappened() {
        List<CaseEvent> timeline = List.of(created(ny("2025-06-09T09:00")), agentReply(ny("2025-06-09T14:00")),
                customerMessage(ny("2025-06-09T14:30")), agentReply(ny("2025-06-10T10:00")));

        assertThat(SlaClocks.breaches(policy, timeline, ny("2025-06-11T10:00"))).containsExactly(
                new Breach(FIRST_RESPONSE, ny("2025-06-09T13:00"), ny("2025-06-09T09:00")),
                new Breach(NEXT_RESPONSE, ny("2025-06-09T16:30"), ny("2025-06-09T14:30")),
                new Breach(RESOLUTION, ny("2025-06-10T17:00"), ny("2025-06-09T09:00")));
        assertThat(SlaClocks.breaches(policy, timeline, ny("2025-06-09T12:00"))).isEmpty();
    }

    @Test
    void eventsAfterTheInstantAskedAboutAreIgnored() {
        List<CaseEvent> timeline = List.of(created(ny("2025-06-09T09:00")), agentReply(ny("2025-06-09T14:00")));

        assertThat(SlaClocks.evaluate(policy, timeline, ny("2025-06-09T12:00")).clock(FIRST_RESPONSE).orElseThrow()
                .status()).isEqualTo(ClockStatus.WARNING);
        assertThat(SlaClocks.evaluate(policy, timeline, ny("2025-06-09T08:00")).clocks()).isEmpty();
    }

    @Test
    void tracksOnlyThePolicysTargets() {
        var resolutionOnly = new SlaPolicy("Resolution only", BusinessCalendar.twentyFourSeven(),
                Map.of(RESOLUTION, Duration.ofDays(3)), Set.of(), Duration.ZERO);
        Instant start = Instant.parse("2025-06-09T00:00:00Z");

        var evaluation = SlaClocks.evaluate(resolutionOnly, List.of(created(start), agentReply(start.plusSeconds(60)),
                customerMessage(start.plusSeconds(120))), start.plus(Duration.ofDays(2)));

        assertThat(evaluation.clocks()).containsOnlyKeys(RESOLUTION);
        assertThat(evaluation.clock(RESOLUTION).orElseThrow().status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(evaluation.clock(RESOLUTION).orElseThrow().remaining()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void rejectsTimelinesWithoutASingleCreationFirstOrOutOfOrder() {
        Instant t = ny("2025-06-09T09:00");

        assertThatThrownBy(() -> SlaClocks.evaluate(policy, List.of(agentReply(t)), t))
                .isInstanceOf(InvalidInput.class).hasMessage("timeline must start with the case's creation");
        assertThatThrownBy(() -> SlaClocks.evaluate(policy, List.of(created(t), created(t)), t))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("second creation");
        assertThatThrownBy(() -> SlaClocks.evaluate(policy, List.of(created(t), agentReply(t.minusSeconds(1))), t))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not in time order");
    }

    @Test
    void rejectsPoliciesThatMakeNoSense() {
        var calendar = BusinessCalendar.twentyFourSeven();

        assertThatThrownBy(() -> new SlaPolicy("P", calendar, Map.of(FIRST_RESPONSE, Duration.ZERO), Set.of(),
                Duration.ZERO)).isInstanceOf(InvalidInput.class).hasMessageContaining("FIRST_RESPONSE must allow");
        assertThatThrownBy(() -> new SlaPolicy("P", calendar, Map.of(), Set.of(), Duration.ZERO))
                .isInstanceOf(InvalidInput.class).hasMessage("targets must name at least one target");
        assertThatThrownBy(() -> new SlaPolicy("P", calendar, Map.of(RESOLUTION, Duration.ofHours(1)),
                Set.of(RESOLVED), Duration.ZERO)).isInstanceOf(InvalidInput.class).hasMessageContaining("pausedIn");
        assertThatThrownBy(() -> new SlaPolicy("P", calendar, Map.of(RESOLUTION, Duration.ofHours(1)), Set.of(),
                Duration.ofHours(-1))).isInstanceOf(InvalidInput.class).hasMessageContaining("warningLead");
    }
}
