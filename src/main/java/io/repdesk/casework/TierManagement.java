package io.repdesk.casework;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.InvalidInput;

/**
 * The support levels by this installation's names, and which of them are in use. Names are read often (every
 * page shows them) and changed rarely, so they are kept in memory and re-read every half minute, which keeps
 * several app nodes in step without a message between them.
 */
@Service
@Transactional(readOnly = true)
public class TierManagement {

    private static final long REREAD_NANOS = 30_000_000_000L;
    static final int MAX_NAME = 40;

    private final TierStore store;
    private final EscalationStore escalations;
    private final Cases cases;
    private final Journal journal;
    private volatile List<TierLevel> levels = List.of();
    private volatile long readAt;

    TierManagement(TierStore store, EscalationStore escalations, Cases cases, Journal journal) {
        this.store = store;
        this.escalations = escalations;
        this.cases = cases;
        this.journal = journal;
    }

    /** Every level, lowest first. */
    public List<TierLevel> levels() {
        if (levels.isEmpty() || System.nanoTime() - readAt > REREAD_NANOS) {
            levels = store.all();
            readAt = System.nanoTime();
        }
        return levels;
    }

    /** The levels cases can be at or escalated to, lowest first. */
    public List<TierLevel> inUse() {
        return levels().stream().filter(TierLevel::inUse).toList();
    }

    public TierLevel level(Tier tier) {
        return levels().stream().filter(l -> l.tier() == tier).findFirst()
                .orElseGet(() -> new TierLevel(tier, tier.name(), "", true));
    }

    /** The name of every level, for display. */
    public Map<Tier, String> names() {
        Map<Tier, String> names = new EnumMap<>(Tier.class);
        levels().forEach(l -> names.put(l.tier(), l.name()));
        return names;
    }

    /**
     * Renames levels and takes them in or out of use. A level cannot leave use while a team works it, an
     * escalation rule leads to it or an open case is at it.
     *
     * @throws InvalidInput naming the level's field ({@code name-TIER_2}, {@code inUse-TIER_3}) and why
     */
    @Transactional
    public List<TierLevel> define(List<TierLevel> changed) {
        Map<Tier, TierLevel> before = new EnumMap<>(Tier.class);
        Map<Tier, TierLevel> next = new LinkedHashMap<>();
        store.all().forEach(l -> {
            before.put(l.tier(), l);
            next.put(l.tier(), l);
        });
        changed.forEach(l -> next.put(l.tier(), normalized(l)));
        validate(next.values(), before);
        store.clearNames();
        next.values().forEach(store::update);
        for (TierLevel l : next.values()) {
            if (l.equals(before.get(l.tier()))) {
                continue;
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("tier", l.tier().name());
            facts.put("name", l.name());
            facts.put("inUse", l.inUse());
            journal.append("tier", streamId(l.tier()), "TierDefined", facts);
        }
        levels = store.all();
        readAt = System.nanoTime();
        return levels;
    }

    private static TierLevel normalized(TierLevel l) {
        return new TierLevel(l.tier(), l.name() == null ? "" : l.name().strip(),
                l.description() == null ? "" : l.description().strip(), l.inUse());
    }

    private void validate(Iterable<TierLevel> all, Map<Tier, TierLevel> before) {
        Set<String> names = new HashSet<>();
        List<Team> teams = escalations.teams();
        List<EscalationRule> rules = escalations.rules();
        for (TierLevel l : all) {
            if (l.name().isEmpty()) {
                throw new InvalidInput("name-" + l.tier(), "is required");
            }
            if (l.name().length() > MAX_NAME) {
                throw new InvalidInput("name-" + l.tier(), "is longer than " + MAX_NAME + " characters");
            }
            if (!names.add(l.name().toLowerCase())) {
                throw new InvalidInput("name-" + l.tier(), "is the name of another level");
            }
            if (!l.inUse() && before.get(l.tier()).inUse()) {
                refuseLeavingUse(l, teams, rules);
            }
        }
    }

    private void refuseLeavingUse(TierLevel l, List<Team> teams, List<EscalationRule> rules) {
        String field = "inUse-" + l.tier();
        if (l.tier() == Tier.TIER_1) {
            throw new InvalidInput(field, "must stay on: every case starts at " + l.name());
        }
        List<String> reasons = new ArrayList<>();
        teams.stream().filter(t -> t.tier() == l.tier()).forEach(t -> reasons.add("team " + t.name() + " works it"));
        rules.stream().filter(r -> r.toTier() == l.tier())
                .forEach(r -> reasons.add("escalation rule " + r.name() + " leads to it"));
        long open = cases.countOpenAt(l.tier());
        if (open > 0) {
            reasons.add(open + (open == 1 ? " open case is" : " open cases are") + " at it");
        }
        if (!reasons.isEmpty()) {
            throw new InvalidInput(field, "cannot be switched off while " + String.join(", ", reasons));
        }
    }

    private static UUID streamId(Tier tier) {
        return UUID.nameUUIDFromBytes(("tier:" + tier.name()).getBytes(StandardCharsets.UTF_8));
    }
}
