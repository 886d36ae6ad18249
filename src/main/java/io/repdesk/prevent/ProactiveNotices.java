package io.repdesk.prevent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedCase;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;

/**
 * Proactive support: finds the customers of a cohort who have not contacted us about a need, mails them a notice
 * (never to those who opted out), and measures the contacts it avoided.
 */
@Service
@Transactional(readOnly = true)
public class ProactiveNotices {

    static final int SAMPLE = 50;
    static final Duration EFFECT_WINDOW = Duration.ofDays(28);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Notices notices;
    private final NeedManagement needs;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProactiveNotices(Notices notices, NeedManagement needs, CaseManagement cases, CustomerManagement customers,
            Journal journal, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.needs = needs;
        this.cases = cases;
        this.customers = customers;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** Who a notice about the need to the cohort would reach. */
    public NoticePreview preview(NeedId need, List<String> cohort) {
        return plan(need, cohort).preview();
    }

    /**
     * Mails the notice to every customer of the cohort who has not contacted us about the need and has not opted out.
     *
     * @param optOutBase the absolute address the opt-out links start with ({@code https://help.example.com/notices/opt-out/})
     * @throws InvalidInput naming {@code subject}, {@code body} or {@code cohort} (also when nobody is left to notify)
     */
    @Transactional
    public Notice send(NeedId need, List<String> cohort, @Nullable String subject, @Nullable String body,
            String optOutBase) {
        String title = PreventManagement.required("subject", subject, 200);
        String text = PreventManagement.required("body", body, 10_000);
        Plan plan = plan(need, cohort);
        if (plan.recipients().isEmpty()) {
            throw new InvalidInput("cohort", "has nobody left to notify: every customer in it contacted us already "
                    + "or opted out");
        }
        Notice notice = new Notice(UUID.randomUUID(), need, cohort, title, text, clock.instant(), Journal.currentActor(),
                plan.cohort().size(), plan.affected(), plan.optedOut(), plan.recipients().size());
        notices.insert(notice);
        for (Customer c : plan.recipients()) {
            String token = token();
            notices.addRecipient(notice.id(), c.id(), c.email(), token);
            String link = optOutBase + token;
            events.publishEvent(new NoticeRequested(notice.id(), c.id(), c.email(), title, text + """


                    --
                    You receive this because your setup is affected. To receive no more notices like this one, \
                    open %s""".formatted(link), link));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("noticeId", notice.id().toString());
        facts.put("cohort", cohort);
        facts.put("recipients", plan.recipients().size());
        facts.put("optedOut", plan.optedOut());
        journal.append("prevent", need.value(), "ProactiveNoticeSent", facts);
        return notices.find(notice.id()).orElseThrow();
    }

    /** Stops notices for the customer a notice's opt-out link was made for; returns who that is. */
    @Transactional
    public CustomerId optOut(String token) {
        CustomerId customer = notices.byToken(token).orElseThrow(() -> new NotFound("opt-out link", "token", "given"));
        customers.setNoticeOptOut(customer, true);
        return customer;
    }

    public List<Notice> ofNeed(NeedId need) {
        return notices.ofNeed(need);
    }

    /** The notice's effect so far; null until a day has passed since it went out. */
    public @Nullable NoticeEffect effect(Notice notice) {
        Instant now = clock.instant();
        Duration window = Duration.between(notice.sentAt(), now);
        window = window.compareTo(EFFECT_WINDOW) > 0 ? EFFECT_WINDOW : window;
        if (window.toDays() < 1) {
            return null;
        }
        Instant before = notice.sentAt().minus(window);
        Instant after = notice.sentAt().plus(window);
        Set<CustomerId> cohort = new HashSet<>(customers.cohort(notice.cohort()));
        Set<CustomerId> notified = new HashSet<>(notices.recipients(notice.id()));
        List<NeedCase> all = cases.casesOfNeed(notice.needId());
        long casesBefore = count(all, cohort, before, notice.sentAt());
        long casesNotified = count(all, notified, notice.sentAt(), after);
        Set<CustomerId> notNotified = new HashSet<>(customers.optedOutOfNotices(cohort));
        notNotified.removeAll(notified);
        double rateBefore = rate(casesBefore, cohort.size());
        double rateNotified = rate(casesNotified, notified.size());
        Double rateNotNotified = notNotified.isEmpty() ? null
                : rate(count(all, notNotified, notice.sentAt(), after), notNotified.size());
        double avoided = Math.max(0, rateBefore * notified.size() - casesNotified);
        return new NoticeEffect(window.toDays(), rateBefore, rateNotified, rateNotNotified, casesNotified, avoided);
    }

    private static long count(List<NeedCase> all, Set<CustomerId> who, Instant from, Instant to) {
        return all.stream().filter(c -> who.contains(c.customerId()) && !c.openedAt().isBefore(from)
                && c.openedAt().isBefore(to)).count();
    }

    private static double rate(long count, int customers) {
        return customers == 0 ? 0 : (double) count / customers;
    }

    private Plan plan(NeedId need, List<String> cohort) {
        needs.get(need);
        List<CustomerId> members = customers.cohort(cohort);
        Set<CustomerId> affected = new HashSet<>();
        cases.casesOfNeed(need).forEach(c -> affected.add(c.customerId()));
        List<CustomerId> candidates = members.stream().filter(id -> !affected.contains(id)).toList();
        Set<CustomerId> optedOut = customers.optedOutOfNotices(candidates);
        List<CustomerId> reach = candidates.stream().filter(id -> !optedOut.contains(id)).toList();
        Map<CustomerId, Customer> profiles = customers.getAll(reach);
        List<Customer> recipients = new ArrayList<>();
        reach.forEach(id -> recipients.add(profiles.get(id)));
        return new Plan(cohort, members, members.size() - candidates.size(), optedOut.size(), recipients);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cohort split into those a notice reaches and those it leaves out. */
    private record Plan(List<String> keys, List<CustomerId> cohort, int affected, int optedOut,
            List<Customer> recipients) {

        NoticePreview preview() {
            return new NoticePreview(keys, cohort.size(), affected, optedOut, recipients.size(),
                    recipients.stream().limit(SAMPLE).toList());
        }
    }
}
