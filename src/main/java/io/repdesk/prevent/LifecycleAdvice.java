package io.repdesk.prevent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;

/**
 * Proposes lifecycle moves and demand classes from each need's signals (cases in the last week and repeat cases
 * from the signals read model, published knowledge); a manager accepts or dismisses each, and every decision is
 * journaled and not proposed again.
 */
@Service
@Transactional(readOnly = true)
public class LifecycleAdvice {

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration REPEAT_WINDOW = Duration.ofDays(28);

    private final NeedManagement needs;
    private final NeedSignals signals;
    private final ArticleManagement articles;
    private final Journal journal;
    private final Decisions decisions;
    private final PreventSettings settings;
    private final Clock clock;

    LifecycleAdvice(NeedManagement needs, NeedSignals signals, ArticleManagement articles, Journal journal,
            Decisions decisions, PreventSettings settings, Clock clock) {
        this.needs = needs;
        this.signals = signals;
        this.articles = articles;
        this.journal = journal;
        this.decisions = decisions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The open recommendations, busiest need first. */
    public List<Recommendation> open() {
        signals.catchUp();
        Instant now = clock.instant();
        Set<NeedId> published = new HashSet<>(articles.needsWithPublishedArticles());
        Set<String> decided = decisions.decided();
        Map<NeedId, ServiceNeed> byId = new java.util.HashMap<>();
        needs.all().forEach(n -> byId.put(n.id(), n));
        List<Recommendation> found = new ArrayList<>();
        for (Map.Entry<NeedId, Long> load : signals.openedSince(now.minus(WEEK)).entrySet()) {
            ServiceNeed need = byId.get(load.getKey());
            if (need == null || need.mergedInto() != null) {
                continue;
            }
            Recommendation r = recommend(need, load.getValue(), published.contains(need.id()));
            if (r != null && !decided.contains(need.id().value() + "/" + r.kind())) {
                found.add(r);
            }
        }
        return found;
    }

    private @org.jspecify.annotations.Nullable Recommendation recommend(ServiceNeed need, long weekly, boolean hasArticle) {
        if (weekly < settings.knowledgeWeekly()) {
            return null;
        }
        if (need.stage() == LifecycleStage.RESPOND && !hasArticle) {
            return new Recommendation(need.id(), need.title(), Recommendation.Kind.CREATE_KNOWLEDGE,
                    weekly + " cases in the last 7 days and no published article: create knowledge", null,
                    need.demandClass() == DemandClass.UNCLASSIFIED ? DemandClass.ROUTINE : null);
        }
        if (need.stage() == LifecycleStage.EMPOWER && hasArticle && weekly >= settings.preventionWeekly()) {
            return new Recommendation(need.id(), need.title(), Recommendation.Kind.PROPOSE_PREVENTION,
                    "article published but still " + weekly + " cases in the last 7 days: propose prevention",
                    LifecycleStage.PREVENT, DemandClass.VALUE_ERODING);
        }
        long repeats = repeats(need.id());
        if (need.stage() != LifecycleStage.PREVENT && need.stage() != LifecycleStage.ELIMINATED
                && repeats * 5 >= weekly) {
            return new Recommendation(need.id(), need.title(), Recommendation.Kind.REMOVE_REPEAT_DEMAND,
                    repeats + " repeat cases from the same customers in 28 days: value-eroding, remove its cause",
                    LifecycleStage.PREVENT, DemandClass.VALUE_ERODING);
        }
        return null;
    }

    private long repeats(NeedId need) {
        Instant since = clock.instant().minus(REPEAT_WINDOW);
        List<CaseOpening> recent = signals.openedAfter(need, since, Integer.MAX_VALUE);
        return recent.size() - recent.stream().map(CaseOpening::customerId).distinct().count();
    }

    /** Accepts the recommendation: the need takes the proposed class and stage; the decision is journaled. */
    @Transactional
    public Recommendation accept(NeedId need, Recommendation.Kind kind) {
        Recommendation r = open().stream().filter(o -> o.needId().equals(need) && o.kind() == kind).findFirst()
                .orElseThrow(() -> new NotFound("open recommendation", kind + " for need " + need));
        if (r.demandClass() != null) {
            needs.classify(need, r.demandClass(), "recommendation accepted: " + r.reason());
        }
        if (r.stage() != null) {
            needs.moveTo(need, r.stage(), "recommendation accepted: " + r.reason(), clock.instant());
        }
        decide(r, "ACCEPTED");
        return r;
    }

    /** Dismisses the recommendation; it is not proposed again for the need. */
    @Transactional
    public void dismiss(NeedId need, Recommendation.Kind kind) {
        Recommendation r = open().stream().filter(o -> o.needId().equals(need) && o.kind() == kind).findFirst()
                .orElseThrow(() -> new NotFound("open recommendation", kind + " for need " + need));
        decide(r, "DISMISSED");
    }

    private void decide(Recommendation r, String decision) {
        decisions.insert(r.needId(), r.kind(), decision, Journal.currentActor(), clock.instant());
        journal.append("prevent", r.needId().value(), "Recommendation" + (decision.equals("ACCEPTED") ? "Accepted"
                : "Dismissed"), Map.of("kind", r.kind().name(), "reason", r.reason()));
    }

    /** The kind named, or a refusal naming {@code kind}. */
    public static Recommendation.Kind kind(String text) {
        try {
            return Recommendation.Kind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "must be one of " + java.util.Arrays.toString(Recommendation.Kind.values()));
        }
    }
}
