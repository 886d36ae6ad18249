package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.NeedCase;
import io.repdesk.casework.NeedContact;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.HandlingCost;
import io.repdesk.shared.NeedId;

@RepdeskIntegrationTest
class SignalIntegrationTests {

    @Autowired
    NeedSignals signals;

    @Autowired
    SignalProjector projector;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    Journal journal;

    @Autowired
    HandlingCost cost;

    @Autowired
    PreventSettings settings;

    @Autowired
    Clock clock;

    @Test
    void incrementalSignalsEqualARecountFromTheCasesAfterCasesMoveAndNeedsAndCasesMerge() {
        Random random = new Random(11);
        List<Customer> people = Cohorts.register(customers, "Signals", "web", "3.1", "Personal", 30);
        ServiceNeed first = Cohorts.need(needs, "My card payment was declined");
        ServiceNeed second = Cohorts.need(needs, "I was charged twice");
        ServiceNeed third = Cohorts.need(needs, "My payment is declined at the till");
        List<ServiceNeed> all = List.of(first, second, third);
        Instant now = clock.instant();
        List<SupportCase> opened = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            Customer who = people.get(random.nextInt(people.size()));
            Instant at = now.minus(Duration.ofMinutes(60L * 24 * 2 + random.nextInt(60 * 24 * 150)));
            SupportCase c = Cohorts.contact(contacts, cases, who, all.get(random.nextInt(all.size())), at,
                    "Case " + i + ": the payment did not go through");
            for (int m = random.nextInt(3); m > 0; m--) {
                message(who, c, Direction.INBOUND, at.plus(Duration.ofHours(m)), "Still failing " + m);
            }
            if (random.nextBoolean()) {
                message(who, c, Direction.OUTBOUND, at.plus(Duration.ofMinutes(30)), "Please try again");
            }
            if (random.nextInt(3) > 0) {
                cases.changeStatus(c.id(), CaseStatus.RESOLVED, at.plus(Duration.ofHours(5 + random.nextInt(40))));
            }
            opened.add(c);
        }
        for (int days = 12; days >= 8; days -= 2) {
            opened.add(Cohorts.contact(contacts, cases, people.getFirst(), first, now.minus(Duration.ofDays(days)),
                    "Declined again, " + days + " days ago"));
        }
        signals.catchUp();
        SupportCase moved = opened.stream().filter(c -> c.needId().equals(first.id())).findFirst().orElseThrow();
        cases.linkToNeed(moved.id(), second.id());
        mergeTwoCasesOfOneCustomer(opened);
        needs.merge(third.id(), first.id());

        signals.catchUp();
        Instant at = clock.instant();
        Signals firstSignals = signals.read(first.id(), at);
        Signals secondSignals = signals.read(second.id(), at);

        assertThat(firstSignals).isEqualTo(recount(first.id(), at));
        assertThat(secondSignals).isEqualTo(recount(second.id(), at));
        assertThat(signals.read(third.id(), at)).isEqualTo(recount(third.id(), at));
        assertThat(firstSignals.cases()).isGreaterThan(40);
        assertThat(secondSignals.weekly().stream().mapToLong(Evidence.Week::customers).sum()).isPositive();
        assertThat(signals.read(third.id(), at).contacts()).isZero();
        assertThat(signals.caseIds(second.id())).contains(moved.id());
        assertThat(firstSignals.repeatContacts()).isPositive();
        assertThat(firstSignals.medianResolution()).isNotNull();
    }

    @Test
    void aRebuildFromTheJournalGivesTheSameSignals() {
        List<Customer> people = Cohorts.register(customers, "Rebuilt", "iOS", "5.1", "Business", 5);
        ServiceNeed need = Cohorts.need(needs, "The statement will not download");
        Instant now = clock.instant();
        for (int i = 0; i < people.size(); i++) {
            Cohorts.contact(contacts, cases, people.get(i), need, now.minus(Duration.ofDays(3 + i * 9L)),
                    "The statement download fails");
        }
        Signals before = signals.of(need.id());

        projector.rebuild(position -> { });

        assertThat(projector.position()).isEqualTo(journal.head());
        assertThat(signals.read(need.id(), clock.instant())).isEqualTo(before);
        assertThat(before.cases()).isEqualTo(5);
    }

    private void message(Customer who, SupportCase c, Direction direction, Instant at, String text) {
        contacts.record(new NewContact(who.id(), c.id(), Channel.EMAIL, direction, at, text, text, null, null, null,
                null));
    }

    private void mergeTwoCasesOfOneCustomer(List<SupportCase> opened) {
        Map<CustomerId, SupportCase> seen = new HashMap<>();
        for (SupportCase c : opened) {
            SupportCase earlier = seen.putIfAbsent(c.customerId(), c);
            if (earlier != null && c.needId().equals(earlier.needId())) {
                cases.merge(c.id(), earlier.id());
                return;
            }
        }
        throw new AssertionError("no customer has two cases of one need");
    }

    /** The signals counted from scratch, from the need's cases and messages as casework holds them now. */
    private Signals recount(NeedId need, Instant now) {
        List<NeedCase> list = cases.casesOfNeed(need);
        List<NeedContact> messages = cases.contactsOfNeed(need, Instant.EPOCH);
        Map<LocalDate, Long> perWeek = new HashMap<>();
        Map<LocalDate, Set<CustomerId>> who = new HashMap<>();
        for (NeedContact m : messages) {
            perWeek.merge(Signals.week(m.at()), 1L, Long::sum);
            who.computeIfAbsent(Signals.week(m.at()), k -> new HashSet<>()).add(m.customerId());
        }
        Map<LocalDate, Evidence.Week> counted = new HashMap<>();
        perWeek.forEach((week, n) -> counted.put(week, new Evidence.Week(week, n, who.get(week).size())));
        List<Evidence.Week> weekly = Signals.weekly(counted, now);
        long minutes = 0;
        for (NeedCase c : list) {
            minutes += (long) c.inbound() * cost.minutes("ContactRecorded", true)
                    + (long) c.replies() * cost.minutes("ContactRecorded", false);
        }
        for (var e : journal.countTypes("case", list.stream().map(c -> c.id().value()).toList()).entrySet()) {
            minutes += e.getValue() * cost.minutes(e.getKey(), false);
        }
        Map<CustomerId, Instant> previous = new HashMap<>();
        long repeats = 0;
        for (NeedCase c : list) {
            Instant before = previous.put(c.customerId(), c.openedAt());
            if (before != null && !c.openedAt().isAfter(before.plus(Duration.ofDays(settings.repeatDays())))) {
                repeats++;
            }
        }
        List<Duration> resolutions = list.stream().filter(c -> c.resolvedAt() != null)
                .map(c -> Duration.between(c.openedAt(), c.resolvedAt())).sorted().toList();
        return new Signals(list.size(), messages.size(), list.stream().map(NeedCase::customerId).distinct().count(),
                weekly, Signals.trend(weekly), Signals.cost(cost, minutes, messages.size()), repeats,
                Signals.median(resolutions));
    }
}
