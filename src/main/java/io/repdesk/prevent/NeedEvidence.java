package io.repdesk.prevent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedCase;
import io.repdesk.casework.NeedContact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.journal.Journal;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.HandlingCost;
import io.repdesk.shared.NeedId;

/** Computes a need's evidence dataset from its cases, their customers and the test environments. */
@Service
@Transactional(readOnly = true)
public class NeedEvidence {

    static final int VERBATIMS = 5;
    static final int VERBATIM_LOOKUPS = 20;
    static final int WEEKS_SHOWN = 26;
    static final int BASELINE_WEEKS = 8;

    private final NeedManagement needs;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final ArticleManagement articles;
    private final Journal journal;
    private final HandlingCost cost;
    private final PreventSettings settings;
    private final TestEnvironments environments;
    private final Handoffs handoffs;
    private final Clock clock;
    private final IntakeManagement intake;

    NeedEvidence(NeedManagement needs, CaseManagement cases, CustomerManagement customers, ContactManagement contacts,
            ArticleManagement articles, Journal journal, HandlingCost cost, PreventSettings settings,
            TestEnvironments environments, Handoffs handoffs, Clock clock, IntakeManagement intake) {
        this.intake = intake;
        this.needs = needs;
        this.cases = cases;
        this.customers = customers;
        this.contacts = contacts;
        this.articles = articles;
        this.journal = journal;
        this.cost = cost;
        this.settings = settings;
        this.environments = environments;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    public Evidence of(NeedId id) {
        ServiceNeed need = needs.get(id);
        Instant now = clock.instant();
        List<NeedCase> list = cases.casesOfNeed(id);
        List<NeedContact> messages = cases.contactsOfNeed(id, Instant.EPOCH);
        Set<CustomerId> affected = new LinkedHashSet<>();
        list.forEach(c -> affected.add(c.customerId()));
        List<Overrepresentation> over = Overrepresentations.of(customers.environmentCounts(affected),
                customers.environmentCounts(), intake.answerCounts(list.stream().map(NeedCase::id).toList()),
                intake.answerCounts(null), environments.all(), settings.minAffected(), settings.significance());
        var organizations = customers.organizationsOf(affected);
        List<Evidence.Week> weekly = weekly(messages, now);
        return new Evidence(need, now, list.size(), messages.size(), affected.size(), organizations.size(),
                organizations.stream().limit(10).toList(), weekly, trend(weekly), cost(list, messages.size()),
                repeats(list), medianResolution(list), over, gaps(over), verbatims(list),
                articles.ofNeed(id).stream().map(a -> new Evidence.ArticleLink(a.reference(), a.title(),
                        a.state().name())).toList(),
                handoffs.find(id).orElse(null));
    }

    static LocalDate week(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<Evidence.Week> weekly(List<NeedContact> messages, Instant now) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        Map<LocalDate, Set<CustomerId>> who = new HashMap<>();
        for (NeedContact m : messages) {
            LocalDate w = week(m.at());
            counts.merge(w, 1L, Long::sum);
            who.computeIfAbsent(w, k -> new HashSet<>()).add(m.customerId());
        }
        LocalDate last = week(now);
        List<Evidence.Week> weeks = new ArrayList<>();
        for (LocalDate w = last.minusWeeks(WEEKS_SHOWN - 1L); !w.isAfter(last); w = w.plusWeeks(1)) {
            weeks.add(new Evidence.Week(w, counts.getOrDefault(w, 0L), who.getOrDefault(w, Set.of()).size()));
        }
        return weeks;
    }

    /** The last full week against the mean of the weeks before it. */
    private static Evidence.Trend trend(List<Evidence.Week> weeks) {
        int last = weeks.size() - 2;
        long lastWeek = weeks.get(last).contacts();
        double baseline = weeks.subList(last - BASELINE_WEEKS, last).stream().mapToLong(Evidence.Week::contacts)
                .average().orElse(0);
        return new Evidence.Trend(lastWeek, baseline, lastWeek >= 5 && lastWeek >= 2 * Math.max(baseline, 1));
    }

    private Evidence.Cost cost(List<NeedCase> list, long inbound) {
        long minutes = 0;
        for (NeedCase c : list) {
            minutes += (long) c.inbound() * cost.minutes("ContactRecorded", true)
                    + (long) c.replies() * cost.minutes("ContactRecorded", false);
        }
        Map<String, Long> events = journal.countTypes("case", list.stream().map(c -> c.id().value()).toList());
        for (Map.Entry<String, Long> e : events.entrySet()) {
            minutes += e.getValue() * cost.minutes(e.getKey(), false);
        }
        BigDecimal amount = cost.price(minutes);
        return new Evidence.Cost(minutes, amount, cost.currency(), inbound == 0 ? null
                : amount.divide(BigDecimal.valueOf(inbound), 2, RoundingMode.HALF_UP));
    }

    /** Cases a customer opened within the repeat window after their previous case of the same need. */
    private long repeats(List<NeedCase> list) {
        Map<CustomerId, Instant> previous = new HashMap<>();
        Duration window = Duration.ofDays(settings.repeatDays());
        long repeats = 0;
        for (NeedCase c : list) {
            Instant before = previous.put(c.customerId(), c.openedAt());
            if (before != null && !c.openedAt().isAfter(before.plus(window))) {
                repeats++;
            }
        }
        return repeats;
    }

    private static @Nullable Duration medianResolution(List<NeedCase> list) {
        List<Duration> times = list.stream().filter(c -> c.resolvedAt() != null)
                .map(c -> Duration.between(c.openedAt(), c.resolvedAt())).sorted().toList();
        return times.isEmpty() ? null : times.get(times.size() / 2);
    }

    private static List<String> gaps(List<Overrepresentation> over) {
        return over.stream().filter(o -> o.significant() && o.untested() && !o.intake())
                .map(o -> String.format(java.util.Locale.ROOT,
                        "Affected customers run %s %s (%.0f%% of them, %.0f%% of all customers, lift %.1f); "
                                + "none of our test environments do.",
                        o.fieldLabel(), o.value(), o.affectedShare() * 100, o.baseShare() * 100, o.lift()))
                .toList();
    }

    /** The first message of the most recent cases, in the customers' words. */
    private List<Evidence.Verbatim> verbatims(List<NeedCase> list) {
        List<Evidence.Verbatim> found = new ArrayList<>();
        // A bounded look-up: cases without a customer message (merged away, recorded elsewhere) must not make the
        // evidence read every case of a large need.
        List<NeedCase> recent = list.stream().sorted(Comparator.comparing(NeedCase::openedAt).reversed())
                .limit(VERBATIM_LOOKUPS).toList();
        for (NeedCase c : recent) {
            contacts.forCase(c.id()).stream().filter(m -> m.direction() == Direction.INBOUND).findFirst()
                    .ifPresent(m -> found.add(new Evidence.Verbatim(m.occurredAt(), io.repdesk.shared.Texts
                            .abbreviate(m.text(), 400))));
            if (found.size() == VERBATIMS) {
                break;
            }
        }
        return found;
    }
}
