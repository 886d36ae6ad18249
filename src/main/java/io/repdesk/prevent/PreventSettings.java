package io.repdesk.prevent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prevent module's settings.
 *
 * @param verificationWindow how long after a fix ships no contact may come from a customer on a fixed version before
 *     the need counts as eliminated
 * @param minUpgraded customers who must run a fixed version before silence counts as evidence
 * @param checkInterval how often handed-off needs are verified; 0 leaves it to callers (tests)
 * @param repeatDays a customer's next case of the same need within this many days is a repeat contact
 * @param minAffected the fewest affected customers with a value before it is tested for over-representation
 * @param significance the chance of a false alarm allowed across all values tested for one need
 * @param reopenContacts contacts after elimination, from any customer, that reopen an eliminated need
 * @param knowledgeWeekly cases in 7 days from which a need without a published article should get one
 * @param preventionWeekly cases in 7 days from which a need with published knowledge is proposed for prevention
 * @param upgradeWindow how far back the early warning for upgrades counts contacts
 * @param upgradeMinAffected the fewest customers on a new version who must hit a need before it can warn
 * @param signalInterval how often the signals read model looks for new journal entries; 0 leaves it to readers,
 *     which catch up before they read
 * @param signalBatch journal entries the signals read model applies per transaction
 */
@ConfigurationProperties("repdesk.prevent")
public record PreventSettings(@DefaultValue("14d") Duration verificationWindow, @DefaultValue("1") int minUpgraded,
        @DefaultValue("1h") Duration checkInterval, @DefaultValue("7") int repeatDays,
        @DefaultValue("3") int minAffected, @DefaultValue("0.01") double significance,
        @DefaultValue("3") int reopenContacts, @DefaultValue("10") int knowledgeWeekly,
        @DefaultValue("10") int preventionWeekly, @DefaultValue("14d") Duration upgradeWindow,
        @DefaultValue("3") int upgradeMinAffected, @DefaultValue("1s") Duration signalInterval,
        @DefaultValue("2000") int signalBatch) {

    public PreventSettings {
        if (verificationWindow.isNegative() || verificationWindow.isZero()) {
            throw new IllegalArgumentException("repdesk.prevent.verification-window must be positive");
        }
        if (upgradeWindow.isNegative() || upgradeWindow.isZero()) {
            throw new IllegalArgumentException("repdesk.prevent.upgrade-window must be positive");
        }
        if (signalInterval.isNegative() || signalBatch < 1) {
            throw new IllegalArgumentException("repdesk.prevent.signal-interval must not be negative and "
                    + "repdesk.prevent.signal-batch must be 1 or more");
        }
        if (upgradeMinAffected < 1 || minUpgraded < 1 || repeatDays < 1 || minAffected < 1 || reopenContacts < 1 || knowledgeWeekly < 1
                || preventionWeekly < 1) {
            throw new IllegalArgumentException("repdesk.prevent upgrade-min-affected, min-upgraded, repeat-days, min-affected, "
                    + "reopen-contacts, knowledge-weekly and prevention-weekly must be 1 or more");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("repdesk.prevent.significance must lie between 0 and 1");
        }
    }
}
