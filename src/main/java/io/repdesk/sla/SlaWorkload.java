package io.repdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic load for timing the clocks at scale, for benchmark code to call (the
 * product does not use it): many open cases of a New York support desk, each with a plausible
 * timeline of replies, customer messages and waits, recomputed at one instant.
 */
public final class SlaWorkload {

    private SlaWorkload() {
    }

    /** Weekdays 09:00-17:00 in New York with the 2025 and 2026 US federal holidays off. */
    public static BusinessCalendar newYorkOffice() {
        return BusinessCalendar.builder("New York office", "America/New_York").weekdays("09:00-17:00")
                .holidays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 7, 4),
                        LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 3),
                        LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25))
                .build();
    }

    /** First response 4h, next response 8h, resolution 30 business days (240h); warns 1h ahead. */
    public static SlaPolicy policy(BusinessCalendar calendar) {
        return new SlaPolicy("Standard", calendar,
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4), SlaTarget.NEXT_RESPONSE, Duration.ofHours(8),
                        SlaTarget.RESOLUTION, Duration.ofHours(240)),
                Set.of(CaseState.WAITING_ON_CUSTOMER), Duration.ofHours(1));
    }

    /** {@code count} open cases created in the 45 days before {@code now}, the same for the same seed. */
    public static List<List<CaseEvent>> openCases(int count, long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<CaseEvent>> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(timeline(random, now.minusSeconds(random.nextLong(45L * 24 * 3600)), now));
        }
        return cases;
    }

    /** Recomputes every case's clocks at {@code now}; returns how many clocks are breached, as a check. */
    public static long recompute(SlaPolicy policy, List<List<CaseEvent>> cases, Instant now) {
        long breached = 0;
        for (List<CaseEvent> timeline : cases) {
            for (ClockState clock : SlaClocks.evaluate(policy, timeline, now).clocks().values()) {
                breached += clock.breached() ? 1 : 0;
            }
        }
        return breached;
    }

    private static List<CaseEvent> timeline(SplittableRandom random, Instant created, Instant now) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(CaseEvent.created(created));
        Instant at = created;
        for (int step = random.nextInt(8); step > 0; step--) {
            at = at.plusSeconds(random.nextLong(36 * 3600));
            if (at.isAfter(now)) {
                break;
            }
            events.add(switch (random.nextInt(5)) {
                case 0, 1 -> CaseEvent.agentReply(at);
                case 2 -> CaseEvent.customerMessage(at);
                case 3 -> CaseEvent.statusChanged(at, CaseState.WAITING_ON_CUSTOMER);
                default -> CaseEvent.statusChanged(at, CaseState.OPEN);
            });
        }
        return events;
    }
}
