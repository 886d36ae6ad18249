package io.repdesk.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/**
 * Writes, revises, publishes and archives articles. Every change saves a version and is journaled with the
 * article's whole content, which is what the search index is built from. Publishing moves each linked need
 * that is still in Respond to Empower.
 */
@Service
@Transactional(readOnly = true)
public class ArticleManagement {

    private final Articles articles;
    private final NeedManagement needs;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CustomerManagement customers;

    ArticleManagement(Articles articles, NeedManagement needs, Journal journal, ApplicationEventPublisher events,
            Clock clock, CustomerManagement customers) {
        this.articles = articles;
        this.customers = customers;
        this.needs = needs;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a draft. @throws InvalidInput naming the field */
    @Transactional
    public Article create(ArticleDraft draft) {
        return create(draft, clock.instant());
    }

    /** Starts a draft as of a given moment (demo data keeps its own dates). */
    @Transactional
    public Article create(ArticleDraft draft, Instant at) {
        validate(draft);
        ArticleId id = ArticleId.random();
        String by = Journal.currentActor();
        articles.insert(id, draft, at, by);
        articles.linkNeeds(id, draft.needIds());
        articles.linkOrganizations(id, draft.organizationIds());
        Article created = get(id);
        saveVersion(created, at, by, draft.note());
        record(created, "ArticleDrafted");
        return created;
    }

    /**
     * Saves the next version of the content; a published article stays published with the new text.
     *
     * @param expectedVersion the version the author started from, or null to skip the check
     * @throws Conflict when someone else saved a newer version meanwhile
     */
    @Transactional
    public Article revise(ArticleId id, ArticleDraft draft, @Nullable Integer expectedVersion) {
        validate(draft);
        articles.lock(id);
        Article current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new Conflict(current.reference() + " was saved by " + current.updatedBy() + " as version "
                    + current.version() + " after you opened version " + expectedVersion + "; reload it and edit again");
        }
        Instant at = clock.instant();
        String by = Journal.currentActor();
        articles.update(id, draft, current.version() + 1, at, by);
        articles.linkNeeds(id, draft.needIds());
        articles.linkOrganizations(id, draft.organizationIds());
        Article revised = get(id);
        saveVersion(revised, at, by, draft.note());
        record(revised, "ArticleRevised");
        if (revised.isPublished()) {
            empower(revised, at);
        }
        return revised;
    }

    @Transactional
    public Article publish(ArticleId id) {
        return publish(id, clock.instant());
    }

    /** Publishes the article as of a given moment; publishing a published article changes nothing. */
    @Transactional
    public Article publish(ArticleId id, Instant at) {
        return changeState(id, ArticleState.PUBLISHED, at);
    }

    @Transactional
    public Article archive(ArticleId id) {
        return changeState(id, ArticleState.ARCHIVED, clock.instant());
    }

    public Article get(ArticleId id) {
        return articles.find(id).orElseThrow(() -> new NotFound("article", id));
    }

    /** The article with a reference such as {@code KB-12}. */
    public Article byReference(String reference) {
        String ref = reference.strip().toUpperCase(java.util.Locale.ROOT);
        if (!ref.matches("KB-[0-9]{1,15}")) {
            throw new NotFound("article", "reference", reference);
        }
        return articles.findByNumber(Long.parseLong(ref.substring(3)))
                .orElseThrow(() -> new NotFound("article", "reference", reference));
    }

    public Map<ArticleId, Article> getAll(List<ArticleId> ids) {
        return articles.findAll(ids);
    }

    public Page<Article> list(ArticleFilter filter, PageRequest page) {
        return articles.page(filter, page);
    }

    /** Every article linked to the need, published ones first. */
    public List<Article> ofNeed(NeedId need) {
        return articles.ofNeed(need);
    }

    public List<NeedId> needsWithPublishedArticles() {
        return articles.needsWithPublishedArticles();
    }

    /** Every saved version, newest first. */
    public List<ArticleVersion> versions(ArticleId id) {
        get(id);
        return articles.versions(id);
    }

    public ArticleVersion version(ArticleId id, int version) {
        return articles.version(id, version).orElseThrow(() -> new NotFound("article version", "version", version));
    }

    private Article changeState(ArticleId id, ArticleState state, Instant at) {
        articles.lock(id);
        Article current = get(id);
        if (current.state() == state) {
            return current;
        }
        String by = Journal.currentActor();
        articles.changeState(id, state, current.version() + 1, at, by);
        Article changed = get(id);
        saveVersion(changed, at, by, state == ArticleState.PUBLISHED ? "Published" : "Archived");
        record(changed, state == ArticleState.PUBLISHED ? "ArticlePublished" : "ArticleArchived");
        if (state == ArticleState.PUBLISHED) {
            empower(changed, at);
            events.publishEvent(new ArticlePublished(changed.id(), changed.needIds()));
        }
        return changed;
    }

    /** A need with a published article has left Respond: customers can now help themselves. */
    private void empower(Article article, Instant at) {
        for (NeedId need : article.needIds()) {
            if (needs.get(need).stage() == LifecycleStage.RESPOND) {
                needs.moveTo(need, LifecycleStage.EMPOWER, "article " + article.reference() + " published", at);
            }
        }
    }

    private void validate(ArticleDraft draft) {
        draft.validate();
        for (int i = 0; i < draft.organizationIds().size(); i++) {
            if (!customers.organizationExists(draft.organizationIds().get(i))) {
                throw new InvalidInput("organizationIds[" + i + "]",
                        "is not a known organization: " + draft.organizationIds().get(i));
            }
        }
        Map<NeedId, ServiceNeed> known = needs.getAll(draft.needIds());
        for (int i = 0; i < draft.needIds().size(); i++) {
            NeedId need = draft.needIds().get(i);
            if (!known.containsKey(need)) {
                throw new InvalidInput("needIds[" + i + "]", "is not a known need: " + need);
            }
            if (known.get(need).mergedInto() != null) {
                throw new InvalidInput("needIds[" + i + "]", "was merged into another need; link that one instead");
            }
        }
    }

    private void saveVersion(Article a, Instant at, String by, @Nullable String note) {
        articles.insertVersion(new ArticleVersion(a.id(), a.version(), a.state(), a.title(), a.issue(),
                a.environment(), a.resolution(), a.cause(), a.product(), a.audience(), a.needIds(), at, by, note,
                a.organizationIds()));
    }

    /** Journals the change with the whole article: the search index is built from these entries alone. */
    private void record(Article a, String type) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reference", a.reference());
        facts.put("title", a.title());
        facts.put("issue", a.issue());
        facts.put("environment", a.environment());
        facts.put("resolution", a.resolution());
        facts.put("cause", a.cause());
        facts.put("product", a.product() == null ? "" : a.product());
        facts.put("audience", a.audience().name());
        facts.put("state", a.state().name());
        facts.put("version", a.version());
        facts.put("needIds", a.needIds().stream().map(NeedId::toString).toList());
        facts.put("organizationIds", a.organizationIds().stream().map(OrganizationId::toString).toList());
        journal.append("article", a.id().value(), type, facts);
    }
}
