package io.repdesk.prevent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.VersionCount;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * The early warning for upgrades: per product and platform, compares the rate at which customers on the newest
 * version contacted us about a need within the window with the rate of customers on the other versions, by the
 * two-proportion z-test the evidence uses; a significantly higher rate is a warning, journaled when first raised.
 * A customer counts under the version they ran when they contacted us, not the one they run now.
 */
@Service
@Transactional
public class UpgradeWarnings {

    private final NeedManagement needs;
    private final NeedSignals signals;
    private final CustomerManagement customers;
    private final Journal journal;
    private final RaisedWarnings raised;
    private final PreventSettings settings;
    private final Clock clock;

    UpgradeWarnings(NeedManagement needs, NeedSignals signals, CustomerManagement customers, Journal journal,
            RaisedWarnings raised, PreventSettings settings, Clock clock) {
        this.needs = needs;
        this.signals = signals;
        this.customers = customers;
        this.journal = journal;
        this.raised = raised;
        this.settings = settings;
        this.clock = clock;
    }

    /** The warnings of every need with contacts in the window, strongest first: the Prevent board. */
    public List<UpgradeWarning> current() {
        signals.catchUp();
        Instant since = clock.instant().minus(settings.upgradeWindow());
        List<NeedId> recent = signals.openedSince(since).entrySet().stream()
                .filter(l -> l.getValue() >= settings.upgradeMinAffected()).map(Map.Entry::getKey).toList();
        if (recent.isEmpty()) {
            return List.of();
        }
        List<Line> lines = lines();
        List<UpgradeWarning> found = new ArrayList<>();
        needs.getAll(recent).values().stream().filter(n -> n.mergedInto() == null)
                .forEach(n -> found.addAll(warnings(n, lines, since, true)));
        found.sort(Comparator.comparingDouble(UpgradeWarning::z).reversed());
        return found;
    }

    /** The need's warnings; each is journaled when first raised. */
    public List<UpgradeWarning> of(NeedId id) {
        signals.catchUp();
        return warnings(needs.get(id), lines(), clock.instant().minus(settings.upgradeWindow()), true);
    }

    /** Journals those of the warnings not raised before (warnings the evidence found read only). */
    public void raise(List<UpgradeWarning> found) {
        found.forEach(this::journalOnce);
    }

    /** The need's warnings, read only: what the evidence shows and exports. */
    @Transactional(readOnly = true)
    public List<UpgradeWarning> find(NeedId id) {
        signals.catchUp();
        return warnings(needs.get(id), lines(), clock.instant().minus(settings.upgradeWindow()), false);
    }

    private List<UpgradeWarning> warnings(ServiceNeed need, List<Line> lines, Instant since, boolean journaled) {
        List<RunningVersion> affected = runningWhenTheyContacted(need.id(), since);
        if (affected.size() < settings.upgradeMinAffected()) {
            return List.of();
        }
        List<RunningVersion> profiles = affected.stream().filter(p -> p.version() != null).toList();
        List<UpgradeWarning> candidates = new ArrayList<>();
        for (Line line : lines) {
            long affectedNew = 0;
            long affectedOthers = 0;
            for (RunningVersion p : profiles) {
                if (line.runs(p)) {
                    if (Objects.equals(p.version(), line.newest())) {
                        affectedNew++;
                    } else {
                        affectedOthers++;
                    }
                }
            }
            long others = line.all() - line.onNewest();
            if (affectedNew < settings.upgradeMinAffected()
                    || (double) affectedNew / line.onNewest() <= (double) affectedOthers / others) {
                continue;
            }
            double z = Significance.z(affectedNew, line.onNewest(), affectedNew + affectedOthers, line.all());
            candidates.add(new UpgradeWarning(need.id(), need.title(), line.product(), line.platform(), line.newest(),
                    line.previous(), affectedNew, line.onNewest(), affectedOthers, others, z,
                    Significance.pValue(z)));
        }
        double level = settings.significance() / Math.max(1, candidates.size());
        List<UpgradeWarning> found = candidates.stream().filter(w -> w.pValue() < level).toList();
        if (journaled) {
            found.forEach(this::journalOnce);
        }
        return found;
    }

    /** Each customer who opened a case of the need in the window, with the version they ran at their latest one. */
    private List<RunningVersion> runningWhenTheyContacted(NeedId need, Instant since) {
        List<CaseOpening> recent = signals.openedAfter(need, since, Integer.MAX_VALUE);
        List<RunningVersion> ran = signals.runningWhenOpened(recent);
        Set<CustomerId> counted = new HashSet<>();
        List<RunningVersion> found = new ArrayList<>();
        for (int i = 0; i < recent.size(); i++) {
            if (counted.add(recent.get(i).customerId())) {
                found.add(ran.get(i));
            }
        }
        return found;
    }

    private void journalOnce(UpgradeWarning w) {
        if (!raised.firstTime(w, clock.instant())) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("product", w.product());
        facts.put("version", w.label());
        facts.put("previousVersion", w.previousLabel());
        facts.put("affected", w.affected());
        facts.put("customers", w.customers());
        facts.put("othersAffected", w.othersAffected());
        facts.put("othersCustomers", w.othersCustomers());
        facts.put("pValue", w.pValue());
        journal.append("prevent", w.needId().value(), "UpgradeWarningRaised", facts);
    }

    /** Every product and platform that customers run at least two versions of, with its newest two. */
    private List<Line> lines() {
        Map<List<@Nullable String>, List<VersionCount>> grouped = new LinkedHashMap<>();
        for (VersionCount v : customers.versionCounts()) {
            grouped.computeIfAbsent(java.util.Arrays.asList(v.product(), v.platform()), k -> new ArrayList<>()).add(v);
        }
        List<Line> lines = new ArrayList<>();
        for (List<VersionCount> versions : grouped.values()) {
            if (versions.size() < 2) {
                continue;
            }
            List<VersionCount> sorted = versions.stream()
                    .sorted((a, b) -> Versions.compare(a.version(), b.version())).toList();
            VersionCount newest = sorted.getLast();
            lines.add(new Line(newest.product(), newest.platform(), newest.version(),
                    sorted.get(sorted.size() - 2).version(), newest.customers(),
                    sorted.stream().mapToLong(VersionCount::customers).sum()));
        }
        return lines;
    }

    /** A product on a platform: its newest version, the one before, and how many customers run it. */
    private record Line(@Nullable String product, @Nullable String platform, String newest, String previous,
            long onNewest, long all) {

        boolean runs(RunningVersion p) {
            return Objects.equals(product, p.product()) && Objects.equals(platform, p.platform());
        }
    }
}
