package io.repdesk.web.portal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.OrganizationId;

/**
 * Which cases a portal customer may see: those of their organization's people, or only their own when they
 * have no organization. Judged on the customer's organization now, not when they signed in.
 */
@Component
class PortalAccess {

    private final CustomerManagement customers;
    private final CaseManagement cases;

    PortalAccess(CustomerManagement customers, CaseManagement cases) {
        this.customers = customers;
        this.cases = cases;
    }

    /**
     * The signed-in customer's organization now, whose articles they may read beside everyone's; null for
     * a visitor who has not signed in or a customer without an organization.
     */
    @Nullable OrganizationId organization(@Nullable PortalCustomer me) {
        return me == null ? null : customers.get(me.customerId()).organizationId();
    }

    /** The customers whose cases the signed-in customer sees. */
    List<CustomerId> visibleCustomers(PortalCustomer me) {
        Customer current = customers.get(me.customerId());
        return current.organizationId() == null ? List.of(current.id())
                : customers.idsInOrganization(current.organizationId());
    }

    /**
     * The case with this reference, if the customer may see it.
     *
     * @throws NotFound for a case of another organization as for one that does not exist, so a reference
     *     tells an outsider nothing
     */
    SupportCase visibleCase(PortalCustomer me, String reference) {
        SupportCase supportCase;
        try {
            supportCase = cases.byReference(reference);
        } catch (NotFound e) {
            throw notFound(reference);
        }
        if (!sameOrganization(customers.get(me.customerId()), customers.get(supportCase.customerId()))) {
            throw notFound(reference);
        }
        return supportCase;
    }

    private static boolean sameOrganization(Customer current, Customer owner) {
        return current.id().equals(owner.id())
                || current.organizationId() != null && current.organizationId().equals(owner.organizationId());
    }

    private static NotFound notFound(String reference) {
        return new NotFound("case", "reference", reference);
    }
}
