package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The REP assembly line over a range: where needs sit, how they move, how long they stay, what each stage costs,
 * and how many needs enter and leave the line.
 */
public record AssemblyLine(List<StageNeeds> needs, List<Move> moves, List<StageTime> times, List<StageWork> work,
        List<MonthFlow> months, String currency) {

    /** Needs in a stage now. */
    public record StageNeeds(String stage, long needs) {
    }

    /** Needs that moved from one stage to another in the week starting on {@code week}. */
    public record Move(LocalDate week, String from, String to, long needs) {
    }

    /**
     * Days spent in a stage: the median of the stays that ended in the range, and the median age of the stays
     * still going at the range's end.
     */
    public record StageTime(String stage, @Nullable Double medianDays, long ended, @Nullable Double medianOpenDays,
            long open) {
    }

    /** Contacts and handling cost counted while needs were in a stage ({@code TRIAGE}: not linked to a need yet). */
    public record StageWork(String stage, long contacts, long repeats, long minutes, BigDecimal cost) {
    }

    /** Needs created and needs eliminated in the month starting on {@code month}. */
    public record MonthFlow(LocalDate month, long created, long eliminated) {
    }
}
