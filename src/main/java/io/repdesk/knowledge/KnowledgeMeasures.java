package io.repdesk.knowledge;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedLoad;
import io.repdesk.casework.WeeklyCount;
import io.repdesk.contact.ContactManagement;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/** Views, solved votes, reuse and deflection per article and per need; contacts before and after; knowledge gaps. */
@Service
@Transactional(readOnly = true)
public class KnowledgeMeasures {

    static final int WEEKS_SHOWN = 26;
    static final int WEEKS_COMPARED = 8;
    static final Duration RECENT = Duration.ofDays(30);

    private final Measures measures;
    private final ArticleManagement articles;
    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final KnowledgeSettings settings;
    private final Clock clock;

    KnowledgeMeasures(Measures measures, ArticleManagement articles, CaseManagement cases,
            ContactManagement contacts, KnowledgeSettings settings, Clock clock) {
        this.measures = measures;
        this.contacts = contacts;
        this.articles = articles;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    public Usage ofArticle(ArticleId article) {
        return measures.ofArticle(article, clock.instant());
    }

    public NeedKnowledge ofNeed(NeedId need) {
        Instant now = clock.instant();
        List<Article> linked = articles.ofNeed(need);
        long recent = cases.openedSinceByNeed(now.minus(RECENT)).stream().filter(l -> l.needId().equals(need))
                .mapToLong(NeedLoad::openCases).findFirst().orElse(0);
        Instant first = firstPublished(linked);
        return new NeedKnowledge(linked, measures.ofNeed(need, now), contacts(List.of(need), first, now), recent,
                first == null && recent >= settings.gapCases());
    }

    /** Inbound contacts per week about the article's needs, before and after the article went live. */
    public ContactTrend contactsOf(Article article) {
        return contacts(article.needIds(), article.isPublished() ? article.publishedAt() : null, clock.instant());
    }

    /**
     * The needs with a published article whose inbound contacts per week fell since the first one went live, with
     * the change (-0.42 = 42 % fewer).
     */
    public Map<NeedId, Double> fallingContacts() {
        Instant now = clock.instant();
        Map<NeedId, Double> falling = new java.util.LinkedHashMap<>();
        for (NeedId need : articles.needsWithPublishedArticles()) {
            ContactTrend trend = contacts(List.of(need), firstPublished(articles.ofNeed(need)), now);
            if (trend.falling()) {
                falling.put(need, trend.change());
            }
        }
        return falling;
    }

    /** Contacts per week over the last half year, and around publication when there is one. */
    private ContactTrend contacts(List<NeedId> needs, @Nullable Instant published, Instant now) {
        LocalDate thisWeek = week(now);
        LocalDate firstWeek = thisWeek.minusWeeks(WEEKS_SHOWN - 1L);
        LocalDate from = published == null ? firstWeek : min(firstWeek, week(published).minusWeeks(WEEKS_COMPARED));
        List<WeeklyCount> counted = needs.isEmpty() ? List.of()
                : contacts.inboundPerWeek(cases.idsWithNeeds(needs), from.atStartOfDay().toInstant(ZoneOffset.UTC));
        List<WeeklyCount> weekly = everyWeek(counted, from, thisWeek);
        Double before = null;
        Double after = null;
        if (published != null) {
            LocalDate publishedWeek = week(published);
            before = average(weekly, publishedWeek.minusWeeks(WEEKS_COMPARED), publishedWeek);
            LocalDate afterEnd = min(thisWeek, publishedWeek.plusWeeks(WEEKS_COMPARED + 1L));
            after = afterEnd.isAfter(publishedWeek.plusWeeks(1)) ? average(weekly, publishedWeek.plusWeeks(1), afterEnd)
                    : null;
        }
        return new ContactTrend(weekly.stream().filter(w -> !w.week().isBefore(firstWeek)).toList(), published,
                before, after);
    }

    /** Needs with at least the threshold of cases in the last 30 days and no published article, busiest first. */
    public List<NeedLoad> gaps() {
        Set<NeedId> covered = new HashSet<>(articles.needsWithPublishedArticles());
        return cases.openedSinceByNeed(clock.instant().minus(RECENT)).stream()
                .filter(l -> l.openCases() >= settings.gapCases() && !covered.contains(l.needId()))
                .sorted(Comparator.comparingLong(NeedLoad::openCases).reversed()).toList();
    }

    /** Whether each need is a knowledge gap now. */
    public Set<NeedId> gapNeeds() {
        return gaps().stream().map(NeedLoad::needId).collect(Collectors.toSet());
    }

    private static @Nullable Instant firstPublished(List<Article> linked) {
        return linked.stream().filter(Article::isPublished).map(Article::publishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static List<WeeklyCount> everyWeek(List<WeeklyCount> counted, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> byWeek = counted.stream().collect(Collectors.toMap(WeeklyCount::week,
                WeeklyCount::count));
        List<WeeklyCount> all = new ArrayList<>();
        for (LocalDate w = from; !w.isAfter(to); w = w.plusWeeks(1)) {
            all.add(new WeeklyCount(w, byWeek.getOrDefault(w, 0L)));
        }
        return all;
    }

    /** Average count per week over [from, to). */
    private static @Nullable Double average(List<WeeklyCount> weekly, LocalDate from, LocalDate to) {
        List<WeeklyCount> span = weekly.stream().filter(w -> !w.week().isBefore(from) && w.week().isBefore(to))
                .toList();
        return span.isEmpty() ? null : span.stream().mapToLong(WeeklyCount::count).average().orElse(0);
    }

    private static LocalDate week(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
