package io.repdesk.prevent;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.repdesk.shared.Periodic;

/**
 * Verifies handed-off needs and raises upgrade warnings (journaled once each) every
 * {@code repdesk.prevent.check-interval}; a zero interval leaves it to callers.
 */
@Component
class VerificationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationSchedule.class);

    private final FixVerification verification;
    private final PreventSettings settings;
    private final UpgradeWarnings upgradeWarnings;
    private @Nullable Periodic schedule;

    VerificationSchedule(FixVerification verification, PreventSettings settings, UpgradeWarnings upgradeWarnings) {
        this.upgradeWarnings = upgradeWarnings;
        this.verification = verification;
        this.settings = settings;
    }

    private void pass() {
        try {
            int changed = verification.checkAll();
            if (changed > 0) {
                log.info("Verification changed the state of {} handed-off needs", changed);
            }
        } catch (RuntimeException e) {
            log.warn("Verifying handed-off needs failed; the next pass tries again", e);
        }
        try {
            upgradeWarnings.current();
        } catch (RuntimeException e) {
            log.warn("Looking for upgrade warnings failed; the next pass tries again", e);
        }
    }

    @Override
    public void start() {
        if (settings.checkInterval().isPositive()) {
            schedule = Periodic.every("prevent-verification", settings.checkInterval(), settings.checkInterval(),
                    this::pass);
        }
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
