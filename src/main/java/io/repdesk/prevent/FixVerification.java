package io.repdesk.prevent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.customer.EnvironmentCounts;
import io.repdesk.journal.Journal;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.NeedId;

/**
 * Watches handed-off needs whose fix shipped: a case opened by a customer on a fixed version is a regression; no such
 * case through the verification window, while customers upgraded, verifies the need eliminated. An eliminated need
 * reopens when its demand returns. The version is the one the customer ran when the case opened, from the
 * environment changes journaled with their moments: a case from before an upgrade is no regression.
 */
@Service
public class FixVerification {

    private final Handoffs handoffs;
    private final NeedManagement needs;
    private final NeedSignals signals;
    private final CustomerBase base;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final PreventSettings settings;
    private final Clock clock;

    FixVerification(Handoffs handoffs, NeedManagement needs, NeedSignals signals, CustomerBase base,
            Journal journal, ApplicationEventPublisher events, PreventSettings settings, Clock clock) {
        this.handoffs = handoffs;
        this.needs = needs;
        this.signals = signals;
        this.base = base;
        this.journal = journal;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies every handed-off need now; returns how many changed state. */
    @Transactional
    public int checkAll() {
        signals.catchUp();
        int changed = 0;
        for (Handoff h : handoffs.all()) {
            changed += check(h) != h.verification() ? 1 : 0;
        }
        return changed;
    }

    /** Verifies one handed-off need now and returns where it stands. */
    @Transactional
    public Verification check(NeedId id) {
        signals.catchUp();
        return handoffs.find(id).map(this::check).orElseThrow(
                () -> new io.repdesk.shared.NotFound("hand-off of need", id));
    }

    private Verification check(Handoff h) {
        Instant released = h.lastRelease();
        if (released == null || h.verification() == Verification.REOPENED) {
            return h.verification();
        }
        Instant now = clock.instant();
        ServiceNeed need = needs.get(h.needId());
        List<CaseOpening> since = signals.openedAfter(h.needId(), released, Integer.MAX_VALUE);
        List<RunningVersion> ran = signals.runningWhenOpened(since);
        List<CaseOpening> fromFixed = new java.util.ArrayList<>();
        for (int i = 0; i < since.size(); i++) {
            if (onFixedVersion(h, ran.get(i), since.get(i).openedAt())) {
                fromFixed.add(since.get(i));
            }
        }
        if (!fromFixed.isEmpty()) {
            return regression(h, need, fromFixed, now);
        }
        if (need.stage() == LifecycleStage.ELIMINATED) {
            return reopenIfDemandReturned(h, since, now);
        }
        if (h.verification() == Verification.VERIFIED_ELIMINATED || h.verification() == Verification.REGRESSION) {
            return h.verification();
        }
        long upgraded = upgraded(h);
        Instant windowEnds = released.plus(settings.verificationWindow());
        if (!now.isBefore(windowEnds) && upgraded >= settings.minUpgraded()) {
            String verdict = String.format(java.util.Locale.ROOT, "No case from the %d customers on fixed versions "
                    + "(%s) in the %d days since the fix shipped; %d cases from customers on older versions.",
                    upgraded, fixes(h), settings.verificationWindow().toDays(), since.size());
            record(h, Verification.VERIFIED_ELIMINATED, now, verdict, "NeedVerifiedEliminated");
            needs.moveTo(h.needId(), LifecycleStage.ELIMINATED, "verified eliminated: " + verdict, now);
            events.publishEvent(new PreventEvents.NeedVerifiedEliminated(h.needId(), verdict));
            return Verification.VERIFIED_ELIMINATED;
        }
        String verdict = String.format(java.util.Locale.ROOT, "Watching: %d customers on fixed versions, no case "
                + "from them yet; the window ends %s.", upgraded, windowEnds);
        handoffs.verified(h.needId(), Verification.VERIFYING, now, verdict);
        return Verification.VERIFYING;
    }

    /** A regression; {@code fromFixed} holds the cases from customers on fixed versions, newest first. */
    private Verification regression(Handoff h, ServiceNeed need, List<CaseOpening> fromFixed, Instant now) {
        if (h.verification() == Verification.REGRESSION && need.stage() != LifecycleStage.ELIMINATED) {
            return Verification.REGRESSION;
        }
        long customersHit = fromFixed.stream().map(CaseOpening::customerId).distinct().count();
        String verdict = String.format(java.util.Locale.ROOT, "Regression: %d cases from %d customers on fixed "
                + "versions (%s) since the fix shipped, the latest opened %s.", fromFixed.size(), customersHit,
                fixes(h), fromFixed.getFirst().openedAt());
        record(h, Verification.REGRESSION, now, verdict, "RegressionDetected");
        if (need.stage() != LifecycleStage.PREVENT) {
            needs.moveTo(h.needId(), LifecycleStage.PREVENT, verdict, now);
        }
        events.publishEvent(new PreventEvents.RegressionDetected(h.needId(), fromFixed.size(), verdict));
        return Verification.REGRESSION;
    }

    private Verification reopenIfDemandReturned(Handoff h, List<CaseOpening> since, Instant now) {
        Instant eliminated = Objects.requireNonNullElse(h.checkedAt(), now);
        List<CaseOpening> after = since.stream().filter(c -> c.openedAt().isAfter(eliminated)).toList();
        if (after.size() < settings.reopenContacts()) {
            return h.verification();
        }
        String verdict = after.size() + " new cases since the need was eliminated; back in Prevent.";
        record(h, Verification.REOPENED, now, verdict, "EliminatedNeedReopened");
        needs.moveTo(h.needId(), LifecycleStage.PREVENT, "demand returned: " + verdict, now);
        events.publishEvent(new PreventEvents.EliminatedNeedReopened(h.needId(), after.size()));
        return Verification.REOPENED;
    }

    private void record(Handoff h, Verification state, Instant now, String verdict, String type) {
        handoffs.verified(h.needId(), state, now, verdict);
        journal.append("prevent", h.needId().value(), type, Map.of("verdict", verdict));
    }

    private static boolean onFixedVersion(Handoff h, RunningVersion ran, Instant at) {
        return h.fixes().stream().anyMatch(f -> f.released() && !at.isBefore(f.releasedAt())
                && f.covers(ran.product(), ran.platform(), ran.version()));
    }

    /** Customers whose platform and version a released fix covers (product is not told apart in this count). */
    private long upgraded(Handoff h) {
        EnvironmentCounts counts = base.environmentCounts();
        long upgraded = 0;
        for (Map.Entry<String, Long> e : counts.counts().entrySet()) {
            if (!e.getKey().startsWith("version=")) {
                continue;
            }
            String value = e.getKey().substring("version=".length());
            int space = value.lastIndexOf(' ');
            String platform = space < 0 ? null : value.substring(0, space);
            String version = value.substring(space + 1);
            if (h.fixes().stream().anyMatch(f -> f.released() && f.covers(f.product(), platform, version))) {
                upgraded += e.getValue();
            }
        }
        return upgraded;
    }

    private static String fixes(Handoff h) {
        return String.join(", ", h.fixes().stream().filter(FixVersion::released).map(FixVersion::label).toList());
    }
}
