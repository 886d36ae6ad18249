package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.repdesk.casework.SupportCase;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.CustomerId;

/** Joins cases with their customers for the lists on workspace pages, in one query. */
@Component
class CaseRows {

    private final CustomerManagement customers;

    CaseRows(CustomerManagement customers) {
        this.customers = customers;
    }

    /** A case with its customer, as a row in a list. */
    record CaseRow(SupportCase supportCase, Customer customer) {
    }

    List<CaseRow> of(List<SupportCase> list) {
        Map<CustomerId, Customer> byId = customers.getAll(list.stream().map(SupportCase::customerId).toList());
        return list.stream().filter(c -> byId.containsKey(c.customerId()))
                .map(c -> new CaseRow(c, byId.get(c.customerId()))).toList();
    }
}
