package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.InvalidInput;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

@RepdeskIntegrationTest
class ProactiveNoticeIntegrationTests {

    static final Pattern OPT_OUT = Pattern.compile("/notices/opt-out/([A-Za-z0-9_-]+)");

    @Autowired
    ProactiveNotices notices;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TestMail mail;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void aNoticeReachesExactlyTheUnaffectedCohortAndNeverThoseWhoOptedOut() throws Exception {
        clock.pin(Instant.now());
        String product = "Notified " + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> cohort = Cohorts.register(customers, product, "Android", "5.2", "Business", 10);
        List<Customer> otherPlan = Cohorts.register(customers, product, "Android", "5.2", "Personal", 4);
        List<Customer> otherVersion = Cohorts.register(customers, product, "Android", "5.1", "Business", 4);
        ServiceNeed need = Cohorts.need(needs, "Card payments fail on my phone");
        Instant earlier = clock.instant().minus(Duration.ofHours(1));
        cohort.subList(0, 3).forEach(c -> Cohorts.contact(contacts, cases, c, need, earlier, "Payment failed"));
        customers.setNoticeOptOut(cohort.get(3).id(), true);
        customers.setNoticeOptOut(cohort.get(4).id(), true);
        List<String> keys = List.of("product=" + product, "version=Android 5.2", "plan=Business");

        NoticePreview preview = notices.preview(need.id(), keys);
        assertThat(preview.cohortSize()).isEqualTo(10);
        assertThat(preview.alreadyAffected()).isEqualTo(3);
        assertThat(preview.optedOut()).isEqualTo(2);
        Notice sent = notices.send(need.id(), keys, "About card payments", "Update to 5.3 or pay by card in the web app.",
                "http://localhost/notices/opt-out/");
        for (int pass = 0; pass < 100 && outbox.dispatchDue() > 0; pass++) {
            assertThat(pass).as("passes over the outbox").isLessThan(99);
        }

        List<Customer> expected = cohort.subList(5, 10);
        assertThat(sent.recipients()).isEqualTo(5);
        for (Customer c : expected) {
            assertThat(mail.receivedBy(c.email())).as(c.email()).hasSize(1);
        }
        List<Customer> left = new ArrayList<>(cohort.subList(0, 5));
        left.addAll(otherPlan);
        left.addAll(otherVersion);
        for (Customer c : left) {
            assertThat(mail.receivedBy(c.email())).as(c.email()).isEmpty();
        }

        String text = plainText(mail.receivedBy(expected.getFirst().email()).getFirst());
        assertThat(text).contains("pay by card in the web app");
        Matcher link = OPT_OUT.matcher(text);
        assertThat(link.find()).isTrue();
        notices.optOut(link.group(1));
        assertThat(customers.optedOutOfNotices(expected.getFirst().id())).isTrue();
        assertThat(notices.preview(need.id(), keys).recipients()).isEqualTo(4);

        clock.advance(Duration.ofDays(2));
        NoticeEffect effect = notices.effect(notices.ofNeed(need.id()).getFirst());
        assertThat(effect).isNotNull();
        assertThat(effect.rateBefore()).isEqualTo(0.3);
        assertThat(effect.rateNotified()).isZero();
        assertThat(effect.avoided()).isEqualTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesACohortValueThatIsNotFieldEqualsValueNamingTheField() {
        ServiceNeed need = Cohorts.need(needs, "Statements arrive late");
        assertThatThrownBy(() -> notices.preview(need.id(), List.of("colour=blue")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("cohort");
    }

    private static String plainText(Part part) throws Exception {
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
