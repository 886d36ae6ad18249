package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CONTACTS_READ;
import static io.repdesk.security.ApiScope.CUSTOMERS_READ;
import static io.repdesk.security.ApiScope.CUSTOMERS_WRITE;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.CustomerFilter;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiRequests.ChangeEnvironment;
import io.repdesk.web.api.ApiRequests.CreateCustomer;
import io.repdesk.web.api.ApiRequests.CreateOrganization;
import io.repdesk.web.api.ApiViews.ContactView;
import io.repdesk.web.api.ApiViews.CustomerView;
import io.repdesk.web.api.ApiViews.OrganizationView;
import io.repdesk.web.api.ApiViews.PageView;
import jakarta.validation.Valid;

/** Organizations and customers, and a customer's timeline across every channel. */
@RestController
@RequestMapping("/api/v1")
class CustomerApi {

    private final CustomerManagement customers;
    private final ContactManagement contacts;

    CustomerApi(CustomerManagement customers, ContactManagement contacts) {
        this.customers = customers;
        this.contacts = contacts;
    }

    @PostMapping("/organizations")
    @Permits(Permission.EDIT_CUSTOMERS)
    @RequiresScope(CUSTOMERS_WRITE)
    ResponseEntity<OrganizationView> createOrganization(@Valid @RequestBody CreateOrganization request) {
        var organization = customers.registerOrganization(request.name().strip(), request.plan());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id()))
                .body(OrganizationView.of(organization));
    }

    @GetMapping("/organizations")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CUSTOMERS_READ)
    PageView<OrganizationView> organizations(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(customers.organizations(new PageRequest(page, size)), OrganizationView::of);
    }

    @GetMapping("/organizations/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CUSTOMERS_READ)
    OrganizationView organization(@PathVariable java.util.UUID id) {
        return OrganizationView.of(customers.organization(new OrganizationId(id)));
    }

    @PostMapping("/customers")
    @Permits(Permission.EDIT_CUSTOMERS)
    @RequiresScope(CUSTOMERS_WRITE)
    ResponseEntity<CustomerView> createCustomer(@Valid @RequestBody CreateCustomer request) {
        OrganizationId organization = request.organizationId() == null ? null
                : new OrganizationId(Ids.parse(request.organizationId(), "organizationId"));
        EnvironmentProfile profile = request.environment() == null ? EnvironmentProfile.unknown()
                : profile(request.environment());
        var customer = customers.register(new NewCustomer(organization, request.name().strip(),
                request.email().strip(), profile, request.accountManager()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .body(CustomerView.of(customer));
    }

    @GetMapping("/customers")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CUSTOMERS_READ)
    PageView<CustomerView> customers(@RequestParam(required = false) java.util.@Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String platform,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String plan, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var filter = new CustomerFilter(organizationId == null ? null : new OrganizationId(organizationId), platform,
                version, plan, q);
        return PageView.of(customers.customers(filter, new PageRequest(page, size)), CustomerView::of);
    }

    @GetMapping("/customers/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CUSTOMERS_READ)
    CustomerView customer(@PathVariable java.util.UUID id) {
        return CustomerView.of(customers.get(new CustomerId(id)));
    }

    /** The customer upgraded or changed plan: journaled with the moment, which fix verification reads back. */
    @PutMapping("/customers/{id}/environment")
    @Permits(Permission.EDIT_CUSTOMERS)
    @RequiresScope(CUSTOMERS_WRITE)
    CustomerView changeEnvironment(@PathVariable java.util.UUID id, @Valid @RequestBody ChangeEnvironment request) {
        if (request.environment() == null) {
            throw new InvalidInput("environment", "is required: what the customer runs from then on");
        }
        java.time.Instant now = java.time.Instant.now();
        if (request.at() != null && request.at().isAfter(now)) {
            throw new InvalidInput("at", "must not be in the future");
        }
        return CustomerView.of(customers.changeEnvironment(new CustomerId(id), profile(request.environment()),
                request.at() == null ? now : request.at()));
    }

    private static EnvironmentProfile profile(ApiRequests.Environment env) {
        return new EnvironmentProfile(env.product(), env.version(), env.platform(), env.plan(), env.region(),
                env.attributes() == null ? Map.of() : env.attributes());
    }

    @GetMapping("/customers/{id}/timeline")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope({ CUSTOMERS_READ, CONTACTS_READ })
    PageView<ContactView> timeline(@PathVariable java.util.UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        CustomerId customer = customers.get(new CustomerId(id)).id();
        return PageView.of(contacts.timeline(customer, new PageRequest(page, size)), ContactView::of);
    }
}
