package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Demand classification over a range: what share of contacts and cost each class takes, week by week, and the
 * lists that say what to remove, what to redistribute and where skilled staff are loaded.
 */
public record Demand(List<ClassWeek> weeks, List<ClassTotal> totals, List<NeedLoad> eroding, List<NeedLoad> routine,
        List<TeamLoad> teams, String currency) {

    /** One demand class in the week starting on {@code week}. */
    public record ClassWeek(LocalDate week, String demandClass, long contacts, long minutes) {
    }

    /** One demand class over the whole range, with its share of contacts and cost and its repeat contacts. */
    public record ClassTotal(String demandClass, long contacts, double contactShare, long minutes, BigDecimal cost,
            double costShare, long repeats, BigDecimal repeatCost) {
    }

    /**
     * A need's load over the range; {@code selfService} counts the published public articles that serve it and
     * {@code portalShare} the share of its inbound contacts filed through the portal.
     */
    public record NeedLoad(UUID needId, String title, long contacts, long repeats, long minutes, BigDecimal cost,
            long selfService, double portalShare) {
    }

    /** A team's value-adding work against all its work ({@code team} is empty for cases in no team's queue). */
    public record TeamLoad(String team, long valueAddingContacts, long contacts, long valueAddingMinutes,
            BigDecimal valueAddingCost, double valueAddingShare) {
    }
}
