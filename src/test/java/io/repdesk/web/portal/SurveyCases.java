package io.repdesk.web.portal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.casework.Team;
import io.repdesk.channel.EmailOutbox;
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
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** A fresh customer's case on a fresh need, queued to a team, assigned to the demo agent and resolved. */
final class SurveyCases {

    static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9]+)");

    private SurveyCases() {
    }

    record Resolved(Customer customer, ServiceNeed need, Team team, SupportCase supportCase) {
    }

    static Resolved resolve(CustomerManagement customers, NeedManagement needs, ContactManagement contacts,
            CaseManagement cases, EscalationManagement escalation, Clock clock) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.register(new NewCustomer(null, "Survey customer " + suffix,
                "survey-" + suffix + "@example.com", new EnvironmentProfile("Lumen", "5.2", "Android", "Business", "EU",
                        Map.of()), null));
        ServiceNeed need = needs.define(new NewNeed("survey_" + suffix, "Statements arrive late " + suffix, "",
                DemandClass.UNCLASSIFIED, null));
        var recorded = contacts.record(new NewContact(customer.id(), null, Channel.PORTAL, Direction.INBOUND,
                clock.instant(), "Statement", "My statement is late", null, null, need.id(), null));
        SupportCase opened = cases.get(recorded.contact().caseId());
        Team team = escalation.teams().stream().filter(t -> t.tier() == opened.tier()).findFirst().orElseThrow();
        escalation.queue(opened.id(), team.id());
        cases.assign(opened.id(), "agent");
        cases.changeStatus(opened.id(), CaseStatus.RESOLVED);
        return new Resolved(customer, need, team, cases.get(opened.id()));
    }

    /** Sends the outbox and returns the survey invitations the customer received. */
    static List<Message> invitations(EmailOutbox outbox, TestMail mail, Customer customer) {
        for (int pass = 0; pass < 100 && outbox.dispatchDue() > 0; pass++) {
            if (pass == 99) {
                throw new IllegalStateException("The outbox is still sending after 100 passes");
            }
        }
        return mail.receivedBy(customer.email()).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("How did we do");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(Message.class::cast).toList();
    }

    static String plainText(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = plainText(multipart.getBodyPart(i));
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        return part.isMimeType("text/plain") ? String.valueOf(part.getContent()) : "";
    }
}
