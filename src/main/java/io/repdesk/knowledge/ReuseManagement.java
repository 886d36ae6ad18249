package io.repdesk.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/** Counts an article's use in agents' replies, and the flags agents raise while using it. */
@Service
@Transactional(readOnly = true)
public class ReuseManagement {

    private final Reuses reuses;
    private final ArticleManagement articles;
    private final Journal journal;
    private final Clock clock;

    ReuseManagement(Reuses reuses, ArticleManagement articles, Journal journal, Clock clock) {
        this.reuses = reuses;
        this.articles = articles;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * An agent put the article into a reply on the case.
     *
     * @param improvement a note saying what the article lacks, or null when it served as it is
     */
    @Transactional
    public Reuse reused(ArticleId articleId, CaseId caseId, @Nullable String improvement) {
        Article article = articles.get(articleId);
        String note = clean(improvement);
        Reuse reuse = new Reuse(UUID.randomUUID(), article.id(), caseId, Journal.currentActor(), clock.instant(),
                note != null, note);
        reuses.insert(reuse);
        journal.append("article", article.id().value(), "ArticleReused", Map.of("caseId", caseId.toString()));
        if (note != null) {
            journal.append("article", article.id().value(), "ArticleFlagged", Map.of("caseId", caseId.toString(),
                    "note", note));
        }
        return reuse;
    }

    /** Flags a reuse's article as needing improvement, saying what is wrong. */
    @Transactional
    public Reuse flag(UUID reuseId, @Nullable String improvement) {
        Reuse reuse = reuses.find(reuseId).orElseThrow(() -> new NotFound("reuse", reuseId));
        String note = clean(improvement);
        if (note == null) {
            throw new InvalidInput("note", "must say what the article needs");
        }
        reuses.flag(reuseId, note);
        journal.append("article", reuse.articleId().value(), "ArticleFlagged", Map.of("caseId",
                reuse.caseId().toString(), "note", note));
        return reuses.find(reuseId).orElseThrow();
    }

    public List<Reuse> ofArticle(ArticleId article) {
        return reuses.ofArticle(article);
    }

    public List<Reuse> ofCase(CaseId caseId) {
        return reuses.ofCase(caseId);
    }

    private static @Nullable String clean(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.strip().length() > 2_000) {
            throw new InvalidInput("note", "must be at most 2000 characters");
        }
        return note.strip();
    }
}
