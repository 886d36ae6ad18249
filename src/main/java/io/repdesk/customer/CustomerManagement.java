package io.repdesk.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** Registers and finds organizations and customers. */
@Service
@Transactional(readOnly = true)
public class CustomerManagement {

    private final Customers customers;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final EnvironmentTally tally;
    private final NoticePreferences notices;

    CustomerManagement(Customers customers, Journal journal, ApplicationEventPublisher events, EnvironmentTally tally,
            NoticePreferences notices) {
        this.tally = tally;
        this.notices = notices;
        this.customers = customers;
        this.journal = journal;
        this.events = events;
    }

    @Transactional
    public Organization registerOrganization(String name, String plan) {
        Organization organization = new Organization(OrganizationId.random(), name, plan, Instant.now());
        customers.insert(organization);
        journal.append("organization", organization.id().value(), "OrganizationRegistered",
                Map.of("name", name, "plan", plan));
        return organization;
    }

    @Transactional
    public Customer register(NewCustomer request) {
        return register(request, Instant.now());
    }

    /** Registers a customer as of a given moment (imports and demo data keep their original dates). */
    @Transactional
    public Customer register(NewCustomer request, Instant createdAt) {
        if (request.organizationId() != null && customers.organization(request.organizationId()).isEmpty()) {
            throw new NotFound("organization", request.organizationId());
        }
        if (customers.emailTaken(request.email())) {
            throw new Conflict("A customer with email " + request.email() + " already exists");
        }
        Customer customer = new Customer(CustomerId.random(), request.organizationId(), request.name(),
                request.email(), request.environment(), request.accountManager(), createdAt);
        customers.insert(customer);
        journal.append("customer", customer.id().value(), "CustomerRegistered", describe(customer));
        events.publishEvent(new CustomerRegistered(customer.id()));
        return customer;
    }

    /**
     * Records that the customer runs another environment (an upgrade, a new plan) from the given moment on; journaled
     * with the moment, so that what a customer ran when they contacted us can be told later.
     */
    @Transactional
    public Customer changeEnvironment(CustomerId id, EnvironmentProfile environment, Instant at) {
        Customer current = get(id);
        if (current.environment().equals(environment)) {
            return current;
        }
        customers.updateEnvironment(id, environment);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("environment", environment);
        facts.put("previous", current.environment());
        facts.put("at", at.toString());
        journal.append("customer", id.value(), "CustomerEnvironmentChanged", facts);
        return get(id);
    }

    public Customer get(CustomerId id) {
        return customers.customer(id).orElseThrow(() -> new NotFound("customer", id));
    }

    /** The customer with this email address, ignoring case. */
    public Optional<Customer> byEmail(String email) {
        return customers.byEmail(email);
    }

    /** Every customer of the organization. */
    public List<CustomerId> idsInOrganization(OrganizationId id) {
        return customers.idsInOrganization(id);
    }

    public boolean exists(CustomerId id) {
        return customers.customer(id).isPresent();
    }

    public Map<CustomerId, Customer> getAll(List<CustomerId> ids) {
        return customers.customers(ids);
    }

    public Organization organization(OrganizationId id) {
        return customers.organization(id).orElseThrow(() -> new NotFound("organization", id));
    }

    public boolean organizationExists(OrganizationId id) {
        return customers.organization(id).isPresent();
    }

    public Page<Organization> organizations(PageRequest page) {
        return customers.organizations(page);
    }

    public Page<Customer> customers(CustomerFilter filter, PageRequest page) {
        return customers.customers(filter, page);
    }

    /**
     * The share of all customers with each environment value ("platform=Android" → 0.40), the base line
     * against which a need's affected customers are compared.
     */
    public Map<String, Double> profileShares() {
        long total = Math.max(1, customers.count());
        Map<String, Double> shares = new LinkedHashMap<>();
        customers.profileCounts().forEach((k, n) -> shares.put(k, (double) n / total));
        return shares;
    }

    /** How many customers run each environment value, over the whole customer base. */
    public EnvironmentCounts environmentCounts() {
        return tally.count(null);
    }

    /** How many customers run each version, per product and platform. */
    public List<VersionCount> versionCounts() {
        return tally.versions();
    }

    /** How many of the given customers run each environment value. */
    public EnvironmentCounts environmentCounts(java.util.Collection<CustomerId> among) {
        return tally.count(among);
    }

    /**
     * The customers who run every one of the environment values ({@code version=Android 5.2}, {@code plan=Business}).
     *
     * @throws io.repdesk.shared.InvalidInput naming {@code cohort} when a value is malformed or none is given
     */
    public List<CustomerId> cohort(List<String> keys) {
        return tally.cohort(keys);
    }

    /** Records whether the customer wants proactive notices; journaled when it changes. */
    @Transactional
    public void setNoticeOptOut(CustomerId id, boolean optedOut) {
        get(id);
        if (notices.set(id, optedOut, Instant.now())) {
            journal.append("customer", id.value(), "CustomerNoticePreferenceChanged", Map.of("optedOut", optedOut));
        }
    }

    /** Whether the customer opted out of proactive notices. */
    public boolean optedOutOfNotices(CustomerId id) {
        return notices.optedOut(id);
    }

    /** Those of the given customers who opted out of proactive notices. */
    public java.util.Set<CustomerId> optedOutOfNotices(java.util.Collection<CustomerId> among) {
        return notices.optedOut(among);
    }

    /** The organizations of the given customers, most customers first. */
    public List<OrganizationCount> organizationsOf(java.util.Collection<CustomerId> among) {
        return among.isEmpty() ? List.of() : tally.organizations(among);
    }

    /** The environment values of one customer, in the keys {@link #profileShares()} uses. */
    public static List<String> profileKeys(Customer customer) {
        EnvironmentProfile e = customer.environment();
        List<String> keys = new java.util.ArrayList<>();
        if (e.platform() != null) {
            keys.add("platform=" + e.platform());
        }
        if (e.version() != null) {
            keys.add("version=" + (e.platform() == null ? "" : e.platform() + " ") + e.version());
        }
        if (e.plan() != null) {
            keys.add("plan=" + e.plan());
        }
        if (e.region() != null) {
            keys.add("region=" + e.region());
        }
        return keys;
    }

    private static Map<String, Object> describe(Customer customer) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", customer.name());
        facts.put("email", customer.email());
        facts.put("organizationId", customer.organizationId() == null ? null : customer.organizationId().toString());
        facts.put("environment", customer.environment());
        return facts;
    }
}
