package io.repdesk.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CaseId;

/** Stores article reuse by agents ({@code knowledge_reuse}). */
@Repository
class Reuses {

    private final JdbcClient jdbc;

    Reuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Reuse r) {
        jdbc.sql("""
                insert into knowledge_reuse (id, article_id, case_id, agent, reused_at, needs_improvement,
                    improvement_note) values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(r.id(), r.articleId().value(), r.caseId().value(), r.agent(),
                        r.reusedAt().atOffset(java.time.ZoneOffset.UTC), r.needsImprovement(), r.improvementNote())
                .update();
    }

    void flag(UUID id, @Nullable String note) {
        jdbc.sql("update knowledge_reuse set needs_improvement = true, improvement_note = ? where id = ?")
                .params(note, id).update();
    }

    Optional<Reuse> find(UUID id) {
        return jdbc.sql("select * from knowledge_reuse where id = ?").param(id).query(Reuses::reuse).optional();
    }

    List<Reuse> ofArticle(ArticleId article) {
        return jdbc.sql("select * from knowledge_reuse where article_id = ? order by reused_at desc, id")
                .param(article.value()).query(Reuses::reuse).list();
    }

    List<Reuse> ofCase(CaseId caseId) {
        return jdbc.sql("select * from knowledge_reuse where case_id = ? order by reused_at desc, id")
                .param(caseId.value()).query(Reuses::reuse).list();
    }

    private static Reuse reuse(ResultSet rs, int row) throws SQLException {
        return new Reuse(rs.getObject("id", UUID.class), new ArticleId(rs.getObject("article_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("agent"),
                rs.getObject("reused_at", OffsetDateTime.class).toInstant(), rs.getBoolean("needs_improvement"),
                rs.getString("improvement_note"));
    }
}
