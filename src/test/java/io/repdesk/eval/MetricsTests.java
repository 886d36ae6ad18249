package io.repdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void aurocIsOneWhenEveryPositiveOutscoresEveryNegative() {
        assertThat(Metrics.auroc(List.of(0.9, 0.8), List.of(0.1, 0.2, 0.3))).isEqualTo(1.0);
        assertThat(Metrics.auroc(List.of(0.1), List.of(0.9))).isEqualTo(0.0);
    }

    @Test
    void aurocCountsTiesAsHalf() {
        assertThat(Metrics.auroc(List.of(0.5, 0.7), List.of(0.5, 0.2))).isCloseTo(0.875, within(1e-9));
    }

    @Test
    void aurocIsNotAvailableWithoutBothClasses() {
        assertThat(Metrics.format(Metrics.auroc(List.of(), List.of(0.1)))).isEqualTo("NA");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(Metrics.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Metrics.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void percentilesByNearestRank() {
        List<Double> values = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertThat(Metrics.percentile(values, 50)).isEqualTo(50.0);
        assertThat(Metrics.percentile(values, 99)).isEqualTo(99.0);
        assertThat(Metrics.percentile(List.of(7.0), 99)).isEqualTo(7.0);
        assertThat(Metrics.percentile(List.of(), 50)).isNaN();
    }
}
