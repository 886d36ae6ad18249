package io.repdesk.knowledge;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Where;

/** Stores articles, their need links and their versions ({@code knowledge_article*}). */
@Repository
class Articles {

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the article's first row and returns its number. */
    long insert(ArticleId id, ArticleDraft draft, Instant at, String by) {
        return jdbc.sql("""
                insert into knowledge_article (id, title, issue, environment, resolution, cause, product, audience,
                    state, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?, ?) returning number
                """)
                .params(id.value(), draft.title(), draft.issue(), draft.environment(), draft.resolution(),
                        draft.cause(), draft.product(), draft.audience().name(), utc(at), by, utc(at), by)
                .query(Long.class).single();
    }

    void update(ArticleId id, ArticleDraft draft, int version, Instant at, String by) {
        jdbc.sql("""
                update knowledge_article set title = ?, issue = ?, environment = ?, resolution = ?, cause = ?,
                    product = ?, audience = ?, version = ?, updated_at = ?, updated_by = ? where id = ?
                """)
                .params(draft.title(), draft.issue(), draft.environment(), draft.resolution(), draft.cause(),
                        draft.product(), draft.audience().name(), version, utc(at), by, id.value())
                .update();
    }

    void changeState(ArticleId id, ArticleState state, int version, Instant at, String by) {
        boolean publishing = state == ArticleState.PUBLISHED;
        jdbc.sql("""
                update knowledge_article set state = ?, version = ?, updated_at = ?, updated_by = ?,
                    published_at = case when ? then coalesce(published_at, ?) else published_at end,
                    published_by = case when ? then coalesce(published_by, ?) else published_by end
                where id = ?
                """)
                .params(state.name(), version, utc(at), by, publishing, utc(at), publishing, by, id.value())
                .update();
    }

    void linkNeeds(ArticleId id, List<NeedId> needs) {
        jdbc.sql("delete from knowledge_article_need where article_id = ?").param(id.value()).update();
        for (NeedId need : needs) {
            jdbc.sql("insert into knowledge_article_need (article_id, need_id) values (?, ?)")
                    .params(id.value(), need.value()).update();
        }
    }

    void linkOrganizations(ArticleId id, List<OrganizationId> organizations) {
        jdbc.sql("delete from knowledge_article_organization where article_id = ?").param(id.value()).update();
        for (OrganizationId organization : organizations) {
            jdbc.sql("insert into knowledge_article_organization (article_id, organization_id) values (?, ?)")
                    .params(id.value(), organization.value()).update();
        }
    }

    void insertVersion(ArticleVersion v) {
        jdbc.sql("""
                insert into knowledge_article_version (article_id, version, state, title, issue, environment,
                    resolution, cause, product, audience, need_ids, saved_at, saved_by, note, organization_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(v.articleId().value(), v.version(), v.state().name(), v.title(), v.issue(), v.environment(),
                        v.resolution(), v.cause(), v.product(), v.audience().name(),
                        v.needIds().stream().map(NeedId::value).toArray(UUID[]::new), utc(v.savedAt()), v.savedBy(),
                        v.note(), v.organizationIds().stream().map(OrganizationId::value).toArray(UUID[]::new))
                .update();
    }

    Optional<Article> find(ArticleId id) {
        return jdbc.sql("select * from knowledge_article where id = ?").param(id.value()).query(this::article)
                .optional().map(this::withNeeds);
    }

    Optional<Article> findByNumber(long number) {
        return jdbc.sql("select * from knowledge_article where number = ?").param(number).query(this::article)
                .optional().map(this::withNeeds);
    }

    /** Locks the article's row until the transaction ends, so concurrent saves take turns. */
    void lock(ArticleId id) {
        jdbc.sql("select id from knowledge_article where id = ? for update").param(id.value()).query().listOfRows();
    }

    Map<ArticleId, Article> findAll(List<ArticleId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Article> found = jdbc.sql("select * from knowledge_article where id = any(?)")
                .param(ids.stream().map(ArticleId::value).distinct().toArray(UUID[]::new)).query(this::article).list();
        Map<ArticleId, Article> byId = new HashMap<>();
        withNeeds(found).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    List<Article> ofNeed(NeedId need) {
        return withNeeds(jdbc.sql("""
                select a.* from knowledge_article a join knowledge_article_need n on n.article_id = a.id
                where n.need_id = ? order by a.state = 'PUBLISHED' desc, a.updated_at desc, a.id
                """).param(need.value()).query(this::article).list());
    }

    /** The needs that have at least one published article. */
    List<NeedId> needsWithPublishedArticles() {
        return jdbc.sql("""
                select distinct n.need_id from knowledge_article_need n
                join knowledge_article a on a.id = n.article_id where a.state = 'PUBLISHED'
                """).query((rs, row) -> new NeedId(rs.getObject(1, UUID.class))).list();
    }

    Page<Article> page(ArticleFilter filter, PageRequest page) {
        Where where = new Where().equal("state", filter.state()).equal("audience", filter.audience());
        if (filter.needId() != null) {
            where.clause("id in (select article_id from knowledge_article_need where need_id = ?)",
                    filter.needId().value());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            String q = filter.query().strip();
            if (q.toUpperCase(java.util.Locale.ROOT).matches("KB-[0-9]{1,15}")) {
                where.clause("number = ?", Long.parseLong(q.substring(3)));
            } else {
                where.contains(q, "title", "issue");
            }
        }
        long total = jdbc.sql("select count(*) from knowledge_article" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<Article> items = jdbc.sql("select * from knowledge_article" + where.sql()
                + " order by updated_at desc, id limit ? offset ?").params(params).query(this::article).list();
        return Page.of(withNeeds(items), page, total);
    }

    List<ArticleVersion> versions(ArticleId id) {
        return jdbc.sql("select * from knowledge_article_version where article_id = ? order by version desc")
                .param(id.value()).query(Articles::version).list();
    }

    Optional<ArticleVersion> version(ArticleId id, int version) {
        return jdbc.sql("select * from knowledge_article_version where article_id = ? and version = ?")
                .params(id.value(), version).query(Articles::version).optional();
    }

    private Article withNeeds(Article a) {
        return withNeeds(List.of(a)).getFirst();
    }

    private List<Article> withNeeds(List<Article> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        UUID[] ids = articles.stream().map(a -> a.id().value()).toArray(UUID[]::new);
        Map<UUID, List<NeedId>> needs = new HashMap<>();
        jdbc.sql("select article_id, need_id from knowledge_article_need where article_id = any(?) order by need_id")
                .param(ids)
                .query(rs -> {
                    needs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new NeedId(rs.getObject(2, UUID.class)));
                });
        Map<UUID, List<OrganizationId>> organizations = new HashMap<>();
        jdbc.sql("""
                select article_id, organization_id from knowledge_article_organization where article_id = any(?)
                order by organization_id
                """).param(ids)
                .query(rs -> {
                    organizations.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new OrganizationId(rs.getObject(2, UUID.class)));
                });
        return articles.stream().map(a -> new Article(a.id(), a.number(), a.title(), a.issue(), a.environment(),
                a.resolution(), a.cause(), a.product(), a.audience(), a.state(), a.version(),
                List.copyOf(needs.getOrDefault(a.id().value(), List.of())), a.createdAt(), a.createdBy(),
                a.updatedAt(), a.updatedBy(), a.publishedAt(), a.publishedBy(),
                organizations.getOrDefault(a.id().value(), List.of()))).toList();
    }

    private Article article(ResultSet rs, int row) throws SQLException {
        return new Article(new ArticleId(rs.getObject("id", UUID.class)), rs.getLong("number"), rs.getString("title"),
                rs.getString("issue"), rs.getString("environment"), rs.getString("resolution"), rs.getString("cause"),
                rs.getString("product"), Audience.valueOf(rs.getString("audience")),
                ArticleState.valueOf(rs.getString("state")), rs.getInt("version"), List.of(),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getString("updated_by"), instant(rs, "published_at"), rs.getString("published_by"), List.of());
    }

    private static ArticleVersion version(ResultSet rs, int row) throws SQLException {
        Array needs = rs.getArray("need_ids");
        List<NeedId> needIds = new ArrayList<>();
        for (Object id : (Object[]) needs.getArray()) {
            needIds.add(new NeedId((UUID) id));
        }
        List<OrganizationId> organizationIds = new ArrayList<>();
        for (Object id : (Object[]) rs.getArray("organization_ids").getArray()) {
            organizationIds.add(new OrganizationId((UUID) id));
        }
        return new ArticleVersion(new ArticleId(rs.getObject("article_id", UUID.class)), rs.getInt("version"),
                ArticleState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("issue"),
                rs.getString("environment"), rs.getString("resolution"), rs.getString("cause"),
                rs.getString("product"), Audience.valueOf(rs.getString("audience")), needIds,
                instant(rs, "saved_at"), rs.getString("saved_by"), rs.getString("note"), organizationIds);
    }

    @SuppressWarnings("NullAway")
    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
