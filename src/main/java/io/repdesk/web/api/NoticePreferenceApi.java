package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CUSTOMERS_READ;
import static io.repdesk.security.ApiScope.CUSTOMERS_WRITE;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

/** Whether a customer receives proactive notices. */
@RestController
@RequestMapping("/api/v1/customers/{id}/notice-preference")
class NoticePreferenceApi {

    /** {@code optedOut: true} stops proactive notices to the customer. */
    record NoticePreference(Boolean optedOut) {
    }

    private final CustomerManagement customers;

    NoticePreferenceApi(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CUSTOMERS_READ)
    NoticePreference get(@PathVariable UUID id) {
        CustomerId customer = new CustomerId(id);
        customers.get(customer);
        return new NoticePreference(customers.optedOutOfNotices(customer));
    }

    @PutMapping
    @Permits(Permission.EDIT_CUSTOMERS)
    @RequiresScope(CUSTOMERS_WRITE)
    NoticePreference set(@PathVariable UUID id, @RequestBody NoticePreference request) {
        if (request.optedOut() == null) {
            throw new InvalidInput("optedOut", "must be true or false");
        }
        customers.setNoticeOptOut(new CustomerId(id), request.optedOut());
        return new NoticePreference(request.optedOut());
    }
}
