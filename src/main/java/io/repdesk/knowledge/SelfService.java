package io.repdesk.knowledge;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * Records what customers do to help themselves, per self-service session (one browser visit to the portal):
 * searches, article views, "this solved it", and whether a request followed within 24 hours. Deflection is
 * computed from these by {@link KnowledgeMeasures}.
 */
@Service
@Transactional
public class SelfService {

    private final SelfServiceSessions sessions;
    private final Clock clock;

    SelfService(SelfServiceSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A search, typed or submitted; what the customer is still typing counts once.
     *
     * @param need the need the text was matched to, if any
     */
    public void searched(UUID session, @Nullable CustomerId customer, String query, @Nullable NeedId need,
            int results) {
        sessions.touch(session, customer, clock.instant());
        sessions.searched(session, query.strip(), need, results, clock.instant());
    }

    public void viewed(UUID session, @Nullable CustomerId customer, ArticleId article) {
        sessions.touch(session, customer, clock.instant());
        sessions.articleEvent(session, "VIEW", article, clock.instant());
    }

    /** The customer says the article solved their problem; saying so twice in a session counts once. */
    public void solved(UUID session, @Nullable CustomerId customer, ArticleId article) {
        sessions.touch(session, customer, clock.instant());
        if (!sessions.solvedAlready(session, article)) {
            sessions.articleEvent(session, "SOLVED", article, clock.instant());
        }
    }

    /**
     * A request was filed: the session, and the customer's other sessions of the last 24 hours, were not
     * deflected after all.
     *
     * @return how many sessions this touched
     */
    public int requestFiled(@Nullable UUID session, @Nullable CustomerId customer) {
        return sessions.requestFiled(session, customer, clock.instant());
    }
}
