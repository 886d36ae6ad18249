package io.repdesk.insight;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Survey answers given in a range, per need, per team and per agent, and how the scores spread.
 *
 * @param distribution answers per score, from 1 to 5
 */
public record Satisfaction(List<Row> needs, List<Row> teams, List<Row> agents, List<Long> distribution) {

    /**
     * One need, team or agent ({@code name} empty: none).
     *
     * @param satisfied answers scoring 4 or 5
     */
    public record Row(String name, long answers, double average, long satisfied) {

        public @Nullable Double satisfiedPercent() {
            return answers == 0 ? null : Math.round(1000.0 * satisfied / answers) / 10.0;
        }

        /** The average, to one decimal. */
        public double averageRounded() {
            return Math.round(average * 10) / 10.0;
        }
    }
}
