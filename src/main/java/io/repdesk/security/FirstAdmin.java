package io.repdesk.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a fresh installation: when there is no agent at all, creates
 * {@code admin} with the password from {@code REPDESK_ADMIN_PASSWORD}, or a random one printed once.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AgentAccounts accounts;
    private final String configuredPassword;

    FirstAdmin(AgentAccounts accounts, @Value("${REPDESK_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = configuredPassword.isBlank() ? randomPassword() : configuredPassword;
        accounts.create("admin", "Administrator", Role.ADMIN, password);
        if (configuredPassword.isBlank()) {
            log.warn("Created the first agent account: admin / {} (shown once; change it after signing in)", password);
        } else {
            log.info("Created the first agent account 'admin' with the password from REPDESK_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
