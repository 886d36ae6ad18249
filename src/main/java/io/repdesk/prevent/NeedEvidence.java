package io.repdesk.prevent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * Assembles a need's evidence dataset: its signals from the read model, the environment values over-represented
 * among its customers against the whole base and the test environments, verbatims, articles and upgrade warnings.
 */
@Service
@Transactional(readOnly = true)
public class NeedEvidence {

    static final int VERBATIMS = 5;
    static final int VERBATIM_LOOKUPS = 20;

    private final NeedManagement needs;
    private final NeedSignals signals;
    private final CustomerBase base;
    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final ArticleManagement articles;
    private final PreventSettings settings;
    private final TestEnvironments environments;
    private final Handoffs handoffs;
    private final java.time.Clock clock;
    private final IntakeManagement intake;
    private final UpgradeWarnings upgradeWarnings;

    NeedEvidence(NeedManagement needs, NeedSignals signals, CustomerBase base, CustomerManagement customers,
            ContactManagement contacts, ArticleManagement articles, PreventSettings settings,
            TestEnvironments environments, Handoffs handoffs, java.time.Clock clock, IntakeManagement intake,
            UpgradeWarnings upgradeWarnings) {
        this.upgradeWarnings = upgradeWarnings;
        this.needs = needs;
        this.signals = signals;
        this.base = base;
        this.customers = customers;
        this.contacts = contacts;
        this.articles = articles;
        this.settings = settings;
        this.environments = environments;
        this.handoffs = handoffs;
        this.clock = clock;
        this.intake = intake;
    }

    public Evidence of(NeedId id) {
        ServiceNeed need = needs.get(id);
        signals.catchUp();
        Instant now = clock.instant();
        Signals s = signals.read(id, now);
        Set<CustomerId> affected = signals.customers(id);
        List<CaseId> caseIds = signals.caseIds(id);
        List<Overrepresentation> over = Overrepresentations.of(customers.environmentCounts(affected),
                base.environmentCounts(), intake.answerCounts(caseIds), intake.answerCounts(null), environments.all(),
                settings.minAffected(), settings.significance());
        var organizations = customers.organizationsOf(affected);
        return new Evidence(need, now, s.cases(), s.contacts(), s.customers(), organizations.size(),
                organizations.stream().limit(10).toList(), s.weekly(), s.trend(), s.cost(), s.repeatContacts(),
                s.medianResolution(), over, gaps(over), verbatims(id),
                articles.ofNeed(id).stream().map(a -> new Evidence.ArticleLink(a.reference(), a.title(),
                        a.state().name())).toList(),
                handoffs.find(id).orElse(null), upgradeWarnings.find(id));
    }

    private static List<String> gaps(List<Overrepresentation> over) {
        return over.stream().filter(o -> o.significant() && o.untested() && !o.intake())
                .map(o -> String.format(java.util.Locale.ROOT,
                        "Affected customers run %s %s (%.0f%% of them, %.0f%% of all customers, lift %.1f); "
                                + "none of our test environments do.",
                        o.fieldLabel(), o.value(), o.affectedShare() * 100, o.baseShare() * 100, o.lift()))
                .toList();
    }

    /** The first message of the most recent cases, in the customers' words. */
    private List<Evidence.Verbatim> verbatims(NeedId id) {
        List<Evidence.Verbatim> found = new ArrayList<>();
        // A bounded look-up: cases without a customer message (merged away, recorded elsewhere) must not make the
        // evidence read every case of a large need.
        for (CaseOpening c : signals.openedAfter(id, Instant.EPOCH, VERBATIM_LOOKUPS)) {
            contacts.forCase(c.id()).stream().filter(m -> m.direction() == Direction.INBOUND).findFirst()
                    .ifPresent(m -> found.add(new Evidence.Verbatim(m.occurredAt(), io.repdesk.shared.Texts
                            .abbreviate(m.text(), 400))));
            if (found.size() == VERBATIMS) {
                break;
            }
        }
        return found;
    }
}
