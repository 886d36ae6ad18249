package io.repdesk.casework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.NeedId;

/** The matching queue ({@code casework_match_request}) and its results ({@code casework_case_suggestion}). */
@Repository
class Matches {

    /**
     * A contact waiting to be matched.
     *
     * @param learnedThrough the journal head when the contact was recorded: its match must see every change up to it
     */
    record Request(ContactId contactId, CaseId caseId, String text, long learnedThrough) {
    }

    private final JdbcClient jdbc;

    Matches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void request(ContactId contact, CaseId caseId, String text, long learnedThrough) {
        jdbc.sql("""
                insert into casework_match_request (contact_id, case_id, text, learned_through) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(contact.value(), caseId.value(), text, learnedThrough).update();
    }

    /**
     * Takes up to {@code limit} requests, oldest first, that a node which has learned the journal up to
     * {@code learned} can match, skipping those another worker or node holds. They leave the queue when the
     * transaction commits, and return to it when it rolls back.
     */
    List<Request> claim(int limit, long learned) {
        return jdbc.sql("""
                delete from casework_match_request where contact_id in (
                    select contact_id from casework_match_request where learned_through <= ?
                    order by requested_at limit ? for update skip locked)
                returning contact_id, case_id, text, learned_through, requested_at
                """).params(learned, limit)
                .query((rs, row) -> new Claimed(new Request(new ContactId(rs.getObject("contact_id", UUID.class)),
                        new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("text"),
                        rs.getLong("learned_through")), rs.getObject("requested_at", OffsetDateTime.class)))
                .list().stream().sorted(Comparator.comparing(Claimed::requestedAt)).map(Claimed::request).toList();
    }

    private record Claimed(Request request, OffsetDateTime requestedAt) {
    }

    long waiting() {
        return jdbc.sql("select count(*) from casework_match_request").query(Long.class).single();
    }

    boolean waiting(CaseId caseId) {
        return jdbc.sql("select exists (select 1 from casework_match_request where case_id = ?)")
                .param(caseId.value()).query(Boolean.class).single();
    }

    /** Replaces the case's suggestions; updating the case row first makes concurrent workers take turns. */
    void record(CaseId caseId, List<Suggestion> suggestions, float newNeedScore, Instant at) {
        jdbc.sql("update casework_case set new_need_score = ?, matched_at = ? where id = ?")
                .params(newNeedScore, at.atOffset(ZoneOffset.UTC), caseId.value()).update();
        jdbc.sql("delete from casework_case_suggestion where case_id = ?").param(caseId.value()).update();
        if (suggestions.isEmpty()) {
            return;
        }
        // one statement for all of them: a round trip per suggestion was a third of a match's statements
        List<Object> values = new ArrayList<>();
        for (int rank = 0; rank < suggestions.size(); rank++) {
            Suggestion s = suggestions.get(rank);
            values.addAll(List.of(caseId.value(), rank, s.needId().value(), s.confidence()));
        }
        jdbc.sql("insert into casework_case_suggestion (case_id, rank, need_id, confidence) values "
                + String.join(", ", java.util.Collections.nCopies(suggestions.size(), "(?, ?, ?, ?)")))
                .params(values).update();
    }

    CaseMatch of(CaseId caseId) {
        List<Suggestion> suggestions = jdbc.sql(
                "select need_id, confidence from casework_case_suggestion where case_id = ? order by rank")
                .param(caseId.value())
                .query((rs, row) -> new Suggestion(new NeedId(rs.getObject("need_id", UUID.class)),
                        rs.getFloat("confidence")))
                .list();
        return jdbc.sql("select new_need_score, matched_at from casework_case where id = ?").param(caseId.value())
                .query((rs, row) -> new CaseMatch(suggestions, (Float) rs.getObject("new_need_score", Float.class),
                        rs.getObject("matched_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("matched_at", OffsetDateTime.class).toInstant()))
                .optional().orElse(CaseMatch.pending());
    }
}
