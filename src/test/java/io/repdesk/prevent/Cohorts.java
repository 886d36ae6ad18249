package io.repdesk.prevent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;

/** Generated customers and cases with planted effects, for the Prevent tests. */
final class Cohorts {

    private Cohorts() {
    }

    /** Registers customers of one product on a platform and version, each with a fresh address. */
    static List<Customer> register(CustomerManagement customers, String product, String platform, String version,
            String plan, int count) {
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(customers.register(new NewCustomer(null, platform + " " + version + " user " + i,
                    UUID.randomUUID() + "@example.com", new EnvironmentProfile(product, version, platform, plan, "EU",
                            Map.of("device", platform.equals("Android") ? "Pixel 8" : "iPhone 15")), null)));
        }
        return made;
    }

    static ServiceNeed need(NeedManagement needs, String title) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return needs.define(new NewNeed("planted_" + suffix, title + " " + suffix, "", DemandClass.UNCLASSIFIED,
                null));
    }

    /** The customer writes in about the need at the moment; a case is opened for it. */
    static SupportCase contact(ContactManagement contacts, CaseManagement cases, Customer customer, ServiceNeed need,
            Instant at, String text) {
        var recorded = contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND, at,
                text, text, null, null, need.id(), null));
        return cases.get(recorded.contact().caseId());
    }
}
