package io.repdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Boots the whole application on a random port against a fresh embedded PostgreSQL with a small,
 * fixed demo data set. Every class with exactly this annotation shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { RepdeskApplication.class, TestClock.Configuration.class, TestMail.Configuration.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "repdesk.db.data-dir=target/it-data",
            "repdesk.db.clean-start=true",
            "repdesk.demo.enabled=true",
            "repdesk.demo.organizations=20",
            "repdesk.demo.customers=150",
            "repdesk.demo.cases=400",
            "repdesk.demo.today=2026-11-01",
            // Tests recompute SLA clocks and apply escalation rules themselves, at moments they choose.
            "repdesk.casework.sla-interval=0s",
            // A pass evaluates every open case only when a policy or calendar changed, not by age (tests pin the clock
            // to days apart), so the passes tests run take the cases that changed or came due.
            "repdesk.casework.sla-full-pass=30d",
            // Tests send webhook deliveries themselves (WebhookDispatcher.dispatchDue), at moments they choose.
            "repdesk.channel.webhook.dispatch-interval=0s",
            // Every test signs in from the same address; SignInThrottleIntegrationTests proves the limits in an app of its own.
            "repdesk.web.limits.sign-ins-per-address=100000",
            "repdesk.web.limits.portal-posts-per-address=100000",
            "REPDESK_ADMIN_PASSWORD=integration-admin-password"
        })
public @interface RepdeskIntegrationTest {
}
