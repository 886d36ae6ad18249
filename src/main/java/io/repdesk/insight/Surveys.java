package io.repdesk.insight;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseEvents.CaseStatusChanged;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.casework.Team;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.RandomText;

/**
 * The satisfaction survey after resolution. When a case is resolved or closed the customer is sent one invitation
 * ({@link SurveyInvitation}, mailed by the email channel) with a link holding a random token; only the token's hash
 * is stored. The survey is answered once, from the link before it expires or from the resolved case in the portal;
 * the answer is journaled as {@code SatisfactionRated} with the case's need, team and agent, which the rollup
 * projector counts.
 */
@Service
public class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);

    /** Characters of a token: 43 of 62, about 256 random bits. */
    static final int TOKEN_CHARACTERS = 43;

    private final SurveyStore store;
    private final CaseManagement cases;
    private final EscalationManagement escalation;
    private final CustomerManagement customers;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final SurveySettings settings;
    private final java.time.Clock clock;

    Surveys(SurveyStore store, CaseManagement cases, EscalationManagement escalation, CustomerManagement customers,
            Journal journal, ApplicationEventPublisher events, SurveySettings settings, java.time.Clock clock) {
        this.store = store;
        this.cases = cases;
        this.escalation = escalation;
        this.customers = customers;
        this.journal = journal;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Invites the customer when a case leaves the open statuses, in the transaction that changed it; not for a
     * resolution recorded more than a day after it happened (history being loaded, as by the demo).
     */
    @EventListener
    void on(CaseStatusChanged changed) {
        if (settings.enabled() && changed.from().isOpen() && !changed.to().isOpen()
                && cases.get(changed.caseId()).statusChangedAt().isAfter(now().minus(java.time.Duration.ofDays(1)))) {
            invite(changed.caseId());
        }
    }

    /**
     * Sends the survey for a resolved case unless it was answered, its customer has no address, or an invitation
     * went out within {@link SurveySettings#resendAfter()}. Returns whether it was sent.
     */
    @Transactional
    public boolean invite(CaseId caseId) {
        SupportCase resolved = cases.get(caseId);
        if (resolved.mergedInto() != null) {
            return false;
        }
        Customer customer = customers.get(resolved.customerId());
        if (customer.email().isBlank()) {
            return false;
        }
        Instant now = now();
        Optional<SurveyStore.Stored> previous = store.ofCase(caseId.value());
        if (previous.isPresent() && (previous.get().answered()
                || previous.get().sentAt().isAfter(now.minus(settings.resendAfter())))) {
            log.debug("No new survey for {}: answered or invited recently", resolved.reference());
            return false;
        }
        String token = RandomText.base62(TOKEN_CHARACTERS);
        Instant expiresAt = now.plus(settings.validity());
        store.invite(caseId.value(), customer.id().value(), hash(token), now, expiresAt);
        journal.append("survey", caseId.value(), "SurveySent", Map.of("caseId", caseId.value().toString(),
                "customerId", customer.id().value().toString(), "expiresAt", expiresAt.toString()));
        String base = settings.baseUrl().toString();
        String link = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/survey/" + token;
        events.publishEvent(new SurveyInvitation(caseId, resolved.reference(), resolved.subject(), customer.name(),
                customer.email(), link, expiresAt));
        return true;
    }

    /** The survey a link opens: not found when the token is unknown or has expired. */
    @Transactional(readOnly = true)
    public Survey open(String token) {
        return find(token).orElseThrow(() -> new NotFound("survey", "link"));
    }

    /** Answers the survey a link opens; a survey answered before is returned as it was. */
    @Transactional
    public Survey answer(String token, @Nullable String score, @Nullable String comment) {
        Survey survey = open(token);
        return survey.answered() ? survey : record(survey.caseId(), score, comment, "email");
    }

    /**
     * The survey of a case its customer sees in the portal: offered once the case is resolved or closed, whether or
     * not a mail was sent; empty while the case is open or when surveys are off.
     */
    @Transactional(readOnly = true)
    public Optional<Survey> ofCase(SupportCase supportCase) {
        if (!settings.enabled() || supportCase.isOpen() || supportCase.mergedInto() != null) {
            return Optional.empty();
        }
        return Optional.of(store.ofCase(supportCase.id().value()).map(stored -> survey(supportCase, stored))
                .orElse(new Survey(supportCase.id(), supportCase.reference(), supportCase.subject(), now(), null,
                        null)));
    }

    /** Answers a resolved case's survey from the portal. */
    @Transactional
    public Survey answer(SupportCase supportCase, @Nullable String score, @Nullable String comment) {
        Survey survey = ofCase(supportCase).orElseThrow(() -> new InvalidInput("score",
                "can be given once the request is resolved"));
        if (survey.answered()) {
            return survey;
        }
        store.ensure(survey.caseId().value(), supportCase.customerId().value(),
                hash(RandomText.base62(TOKEN_CHARACTERS)), now());
        return record(survey.caseId(), score, comment, "portal");
    }

    private Survey record(CaseId caseId, @Nullable String score, @Nullable String comment, String via) {
        int value = score(score);
        String text = comment == null ? "" : comment.strip();
        if (text.length() > Survey.MAX_COMMENT) {
            throw new InvalidInput("comment", "is " + text.length() + " characters long; at most " + Survey.MAX_COMMENT
                    + " are kept");
        }
        Instant now = now();
        boolean stored = store.answer(caseId.value(), value, text, now);
        SupportCase answered = cases.get(caseId);
        if (stored) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("caseId", caseId.value().toString());
            facts.put("customerId", answered.customerId().value().toString());
            facts.put("needId", answered.needId() == null ? "" : answered.needId().value().toString());
            facts.put("team", answered.teamId() == null ? "" : escalation.teams().stream()
                    .filter(t -> t.id().equals(answered.teamId())).map(Team::name).findFirst().orElse(""));
            facts.put("agent", answered.assignee() == null ? "" : answered.assignee());
            facts.put("score", value);
            facts.put("comment", text);
            facts.put("via", via);
            journal.append("survey", caseId.value(), "SatisfactionRated", facts);
        }
        return survey(answered, store.ofCase(caseId.value()).orElseThrow());
    }

    private static Survey survey(SupportCase c, SurveyStore.Stored stored) {
        return new Survey(c.id(), c.reference(), c.subject(), stored.expiresAt(), stored.score(), stored.comment());
    }

    private Optional<Survey> find(String token) {
        if (token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return store.byToken(hash(token), now())
                .map(stored -> survey(cases.get(new CaseId(stored.caseId())), stored));
    }

    /** The score as typed: a whole number from 1 to 5. */
    static int score(@Nullable String score) {
        if (score == null || score.isBlank()) {
            throw new InvalidInput("score", "is required: choose a score from 1 to 5");
        }
        try {
            int value = Integer.parseInt(score.strip());
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidInput("score", "must be a whole number from 1 to 5, not \"" + score.strip() + "\"");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

}
