package io.repdesk.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What handling support costs: agent minutes per kind of work, priced per agent hour. Every module that prices
 * needs, cases or customers uses this one model, so the prices on the Prevent board, the dashboards and the
 * customer page agree.
 *
 * <p>Work is counted from the journal: an agent's reply is an outbound {@code ContactRecorded}, an inbound
 * contact costs the time to read and route it, and each case event type costs its configured minutes.
 *
 * @param currency the ISO currency code prices are shown in
 * @param agentHour the cost of one agent hour, in {@code currency}
 * @param inboundMinutes agent minutes to read and route one inbound contact
 * @param replyMinutes agent minutes to write one reply (an outbound contact)
 * @param eventMinutes agent minutes per journal event type of a case ({@code CaseNoteAdded=3} …); types not
 *     named cost nothing; when none are configured, notes 3, escalations 5, merges 2, need confirmations 1 and
 *     requests for intake answers 2
 */
@ConfigurationProperties("repdesk.cost")
public record HandlingCost(@DefaultValue("EUR") String currency, @DefaultValue("40") BigDecimal agentHour,
        @DefaultValue("3") int inboundMinutes, @DefaultValue("8") int replyMinutes,
        Map<String, Integer> eventMinutes) {

    private static final Map<String, Integer> DEFAULT_EVENT_MINUTES = Map.of("CaseNoteAdded", 3, "CaseEscalated", 5,
            "CaseMerged", 2, "CaseNeedConfirmed", 1, "IntakeAnswersRequested", 2);

    public HandlingCost {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("repdesk.cost.currency must be a three-letter ISO code, not " + currency);
        }
        if (agentHour == null || agentHour.signum() < 0) {
            throw new IllegalArgumentException("repdesk.cost.agent-hour must be 0 or more, not " + agentHour);
        }
        if (inboundMinutes < 0 || replyMinutes < 0) {
            throw new IllegalArgumentException("repdesk.cost inbound-minutes and reply-minutes must be 0 or more");
        }
        eventMinutes = eventMinutes == null || eventMinutes.isEmpty() ? DEFAULT_EVENT_MINUTES : java.util.Collections.unmodifiableMap(new TreeMap<>(eventMinutes));
        eventMinutes.forEach((type, minutes) -> {
            if (minutes == null || minutes < 0) {
                throw new IllegalArgumentException("repdesk.cost.event-minutes." + type + " must be 0 or more");
            }
        });
    }

    /** The defaults, for code that runs without Spring (benchmarks, generators). */
    public static HandlingCost defaults() {
        return new HandlingCost("EUR", BigDecimal.valueOf(40), 3, 8, Map.of());
    }

    /** Agent minutes for one journal event of the given type; contacts by direction. */
    public int minutes(String eventType, boolean inboundContact) {
        if (eventType.equals("ContactRecorded")) {
            return inboundContact ? inboundMinutes : replyMinutes;
        }
        return eventMinutes.getOrDefault(eventType, 0);
    }

    /** The price of the given agent minutes, rounded to cents. */
    public BigDecimal price(long minutes) {
        return agentHour.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
