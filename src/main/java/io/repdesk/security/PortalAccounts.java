package io.repdesk.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

/**
 * Customers' portal sign-in: single-use links sent by email (only their hash is kept) and optional
 * passwords, hashed like agents' passwords.
 */
@Service
@Transactional(readOnly = true)
public class PortalAccounts {

    private static final Logger log = LoggerFactory.getLogger(PortalAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalLinks links;
    private final PortalPasswords passwords;
    private final CustomerManagement customers;
    private final PasswordEncoder encoder;
    private final PortalSettings settings;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile @Nullable String unknownHash;

    PortalAccounts(PortalLinks links, PortalPasswords passwords, CustomerManagement customers, PasswordEncoder encoder,
            PortalSettings settings, Journal journal, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.passwords = passwords;
        this.customers = customers;
        this.encoder = encoder;
        this.settings = settings;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends a sign-in link to the customer with this address by publishing {@link PortalSignInLinkRequested},
     * unless no customer has the address or it was sent too many links this hour. The caller learns
     * neither, so the answer never tells whether an address belongs to a customer.
     *
     * @param requestBase the address of the request, used for the link when {@code repdesk.portal.base-url} is unset
     */
    @Transactional
    public void requestLink(String email, URI requestBase) {
        Optional<Customer> found = email.isBlank() ? Optional.empty() : customers.byEmail(email);
        if (found.isEmpty()) {
            return;
        }
        Customer customer = found.get();
        Instant now = now();
        links.forgetExpired(now.minus(Duration.ofDays(1)));
        if (links.requestedSince(customer.id(), now.minus(Duration.ofHours(1))) >= settings.linkRequestsPerHour()) {
            log.info("Portal sign-in link for customer {} not sent: {} links were sent in the last hour",
                    customer.id(), settings.linkRequestsPerHour());
            return;
        }
        String token = token();
        Instant expiresAt = now.plus(settings.linkValidity());
        links.insert(hash(token), customer.id(), now, expiresAt);
        String link = UriComponentsBuilder.fromUri(settings.baseUrl() != null ? settings.baseUrl() : requestBase)
                .path("/portal/login/link").queryParam("token", token).build().toUriString();
        journal.append("portal_account", customer.id().value(), "PortalSignInLinkRequested",
                Map.of("expiresAt", expiresAt.toString()));
        events.publishEvent(new PortalSignInLinkRequested(customer.id(), customer.email(), link, expiresAt));
    }

    /** Signs in with a link's token: it works once, before it expires. */
    @Transactional
    public Optional<PortalCustomer> redeemLink(String token) {
        if (token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return links.use(hash(token), now()).map(id -> principal(customers.get(id), PortalCustomer.SignIn.LINK));
    }

    /** Signs in with a password; empty when the address or the password is wrong, or the customer has none. */
    public Optional<PortalCustomer> signIn(String email, String password) {
        Optional<Customer> found = email.isBlank() ? Optional.empty() : customers.byEmail(email);
        Optional<String> hash = found.flatMap(c -> passwords.hash(c.id()));
        if (hash.isEmpty()) {
            // Spend the time a real check takes, so the answer's speed does not tell who is a customer.
            encoder.matches(password, unknownHash());
            return Optional.empty();
        }
        if (!encoder.matches(password, hash.get())) {
            return Optional.empty();
        }
        return Optional.of(principal(found.get(), PortalCustomer.SignIn.PASSWORD));
    }

    /** Whether the customer has set a portal password. */
    public boolean hasPassword(CustomerId customer) {
        return passwords.hash(customer).isPresent();
    }

    /**
     * Sets or changes a signed-in customer's password. Someone who signed in with the password must give it;
     * signing in with a link proved the address, which is all a reset would prove.
     *
     * @throws InvalidInput naming {@code currentPassword} or {@code password}
     */
    @Transactional
    public void changePassword(PortalCustomer customer, @Nullable String currentPassword, String password) {
        Optional<String> hash = passwords.hash(customer.customerId());
        if (hash.isPresent() && customer.signedInBy() == PortalCustomer.SignIn.PASSWORD
                && (currentPassword == null || !encoder.matches(currentPassword, hash.get()))) {
            throw new InvalidInput("currentPassword", "is not your current password");
        }
        setPassword(customer.customerId(), password);
    }

    /**
     * Sets a customer's portal password (the demo data gives some customers one).
     *
     * @throws InvalidInput naming {@code password} when it is too short
     */
    @Transactional
    public void setPassword(CustomerId customer, String password) {
        if (password.length() < AgentAccounts.MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must be at least " + AgentAccounts.MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new InvalidInput("password", "must be at most 200 characters");
        }
        customers.get(customer);
        passwords.put(customer, encoder.encode(password), now());
        journal.append("portal_account", customer.value(), "PortalPasswordSet", Map.of());
    }

    /** Customers with a portal password, the earliest first. */
    public List<CustomerId> withPassword(int limit) {
        return passwords.holders(limit);
    }

    private String unknownHash() {
        String hash = unknownHash;
        if (hash == null) {
            hash = encoder.encode(token());
            unknownHash = hash;
        }
        return hash;
    }

    private static PortalCustomer principal(Customer customer, PortalCustomer.SignIn by) {
        return new PortalCustomer(customer.id(), customer.organizationId(), customer.email(), customer.name(), by);
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
