package io.repdesk.need.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.need.EmergingNeed;
import io.repdesk.need.EmergingNeed.Concentration;
import io.repdesk.search.ContactIndex;
import io.repdesk.search.ContactIndex.Unlinked;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

/**
 * One discovery pass: clusters the newest triage contacts, describes each group (title, size, weekly
 * growth, over-represented environment values) and reconciles the groups with those already known, so a
 * group keeps its id while it grows and a dismissed group stays dismissed.
 */
@Component
public class Discovery {

    /** Triage contacts clustered per pass (the newest). */
    static final int POOL = 5_000;
    /** A group shares at least this fraction of its cases with a known one to count as the same group. */
    static final double SAME_GROUP = 0.5;
    /** Environment values shown per group: those at least this much more common than in the whole base. */
    static final double MIN_LIFT = 1.5;

    private final ContactIndex index;
    private final CustomerManagement customers;
    private final EmergingNeeds store;

    Discovery(ContactIndex index, CustomerManagement customers, EmergingNeeds store) {
        this.index = index;
        this.customers = customers;
        this.store = store;
    }

    /** Runs a pass and returns the open emerging needs, fastest growing first. */
    public List<EmergingNeed> refresh(Instant now) {
        List<Unlinked> pool = index.unlinked(POOL);
        List<EmergingNeed> found = groups(pool, now);
        reconcile(found);
        return store.withStatus(EmergingNeed.Status.OPEN);
    }

    List<EmergingNeed> groups(List<Unlinked> pool, Instant now) {
        if (pool.size() < NeedClustering.MIN_CLUSTER_SIZE) {
            return List.of();
        }
        List<float[]> vectors = pool.stream().map(Unlinked::vector).toList();
        int[] labels = NeedClustering.cluster(vectors);
        int[] representatives = NeedClustering.representatives(vectors, labels);
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            members.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Map<String, Double> base = customers.profileShares();
        List<EmergingNeed> groups = new ArrayList<>();
        members.forEach((label, idx) -> {
            if (idx.size() >= NeedClustering.MIN_CLUSTER_SIZE) {
                groups.add(describe(pool, idx, representatives[label], base, now));
            }
        });
        return groups;
    }

    private EmergingNeed describe(List<Unlinked> pool, List<Integer> idx, int representative, Map<String, Double> base,
            Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        Instant twoWeeksAgo = now.minus(Duration.ofDays(14));
        int recent = 0;
        int previous = 0;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        Set<CaseId> cases = new java.util.LinkedHashSet<>();
        List<CustomerId> who = new ArrayList<>();
        for (int i : idx) {
            Unlinked u = pool.get(i);
            recent += u.occurredAt().isAfter(weekAgo) ? 1 : 0;
            previous += !u.occurredAt().isAfter(weekAgo) && u.occurredAt().isAfter(twoWeeksAgo) ? 1 : 0;
            first = u.occurredAt().isBefore(first) ? u.occurredAt() : first;
            last = u.occurredAt().isAfter(last) ? u.occurredAt() : last;
            cases.add(u.caseId());
            if (u.customerId() != null) {
                who.add(u.customerId());
            }
        }
        List<String> samples = idx.stream().filter(i -> i != representative).limit(4)
                .map(i -> pool.get(i).text()).toList();
        return new EmergingNeed(UUID.randomUUID(), title(pool.get(representative).text()), idx.size(), recent, previous,
                first, last, List.copyOf(cases), samples, concentrations(who, base), EmergingNeed.Status.OPEN, null);
    }

    private List<Concentration> concentrations(List<CustomerId> who, Map<String, Double> base) {
        Map<CustomerId, Customer> profiles = customers.getAll(who);
        Map<String, Integer> counts = new HashMap<>();
        profiles.values().forEach(c -> CustomerManagement.profileKeys(c).forEach(k -> counts.merge(k, 1, Integer::sum)));
        int total = Math.max(1, profiles.size());
        return counts.entrySet().stream()
                .map(e -> new Concentration(e.getKey(), (double) e.getValue() / total, base.getOrDefault(e.getKey(), 0.0)))
                .filter(c -> c.lift() >= MIN_LIFT && c.share() >= 0.3)
                .sorted(Comparator.comparingDouble(Concentration::lift).reversed())
                .limit(4)
                .toList();
    }

    private void reconcile(List<EmergingNeed> found) {
        List<EmergingNeed> open = store.withStatus(EmergingNeed.Status.OPEN);
        List<EmergingNeed> dismissed = store.withStatus(EmergingNeed.Status.DISMISSED);
        Set<UUID> kept = new HashSet<>();
        for (EmergingNeed group : found) {
            if (overlapping(group, dismissed, Set.of()) != null) {
                continue;
            }
            EmergingNeed same = overlapping(group, open, kept);
            EmergingNeed saved = same == null ? group : withId(group, same);
            kept.add(saved.id());
            store.save(saved);
        }
        open.stream().filter(e -> !kept.contains(e.id())).forEach(e -> store.delete(e.id()));
    }

    /** The known group sharing the most cases with this one, if they share enough; each is claimed once. */
    private static EmergingNeed overlapping(EmergingNeed group, List<EmergingNeed> known, Set<UUID> claimed) {
        Set<CaseId> mine = new HashSet<>(group.cases());
        EmergingNeed best = null;
        long bestShared = 0;
        for (EmergingNeed k : known) {
            long shared = k.cases().stream().filter(mine::contains).count();
            if (!claimed.contains(k.id()) && shared > bestShared
                    && shared >= SAME_GROUP * Math.max(1, Math.min(mine.size(), k.cases().size()))) {
                best = k;
                bestShared = shared;
            }
        }
        return best;
    }

    private static EmergingNeed withId(EmergingNeed group, EmergingNeed known) {
        return new EmergingNeed(known.id(), group.title(), group.size(), group.recent(), group.previous(),
                known.firstSeen().isBefore(group.firstSeen()) ? known.firstSeen() : group.firstSeen(), group.lastSeen(),
                group.cases(), group.samples(), group.concentrations(), EmergingNeed.Status.OPEN, null);
    }

    /** Openings that say nothing about the problem ("Hi there.", "Hello,"). */
    private static final java.util.regex.Pattern GREETING = java.util.regex.Pattern.compile(
            "^(hi|hello|hey|dear [^,.!]+|good (morning|afternoon|evening))( there| team| all)?[,.!:]*\\s+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A title from the representative contact: its first line without a greeting, at most 80 characters. */
    static String title(String text) {
        String line = text.strip().split("\\R", 2)[0];
        String bare = GREETING.matcher(line).replaceFirst("");
        String title = bare.isBlank() ? line : Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
        return title.length() <= 80 ? title : title.substring(0, 79).strip() + "…";
    }
}
