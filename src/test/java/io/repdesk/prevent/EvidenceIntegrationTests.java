package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.intake.FlowDraft;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
class EvidenceIntegrationTests {

    @Autowired
    NeedEvidence evidence;

    @Autowired
    TestEnvironmentManagement environments;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    IntakeManagement intake;

    @Test
    void findsAnIntakeAnswerOverRepresentedAmongTheNeedsCasesAgainstAllCasesThatAnsweredTheQuestion() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String question = "bank_" + suffix;
        IntakeFlow flow = intake.create(new FlowDraft("Payments " + suffix, "payments-" + suffix, null,
                List.of(Question.of(question, "Which bank do you pay from?", QuestionType.CHOICE, true,
                        "Transfers fail per bank.", "Northbank", "Southbank"))));
        List<Customer> people = Cohorts.register(customers, "Answered " + suffix, "Web", "1.0", "Personal", 60);
        ServiceNeed need = Cohorts.need(needs, "My transfer bounced");
        ServiceNeed other = Cohorts.need(needs, "How do I change my address");
        Instant at = Instant.now().minusSeconds(3600);
        for (int i = 0; i < people.size(); i++) {
            boolean affected = i < 20;
            var opened = Cohorts.contact(contacts, cases, people.get(i), affected ? need : other, at, "Help please");
            boolean north = affected ? i < 15 : i < 24;
            intake.attach(opened.id(), flow.id());
            intake.answer(opened.id(), Map.of(question, north ? "Northbank" : "Southbank"));
        }

        Evidence found = evidence.of(need.id());

        Overrepresentation north = found.overrepresented().stream()
                .filter(o -> o.key().equals("intake." + question + "=Northbank")).findFirst().orElseThrow();
        assertThat(north.affected()).isEqualTo(15);
        assertThat(north.affectedShare()).isEqualTo(0.75);
        assertThat(north.base()).isEqualTo(19);
        assertThat(north.baseShare()).isCloseTo(19.0 / 60, within(1e-9));
        assertThat(north.lift()).isCloseTo(0.75 / (19.0 / 60), within(1e-9));
        assertThat(north.significant()).isTrue();
        assertThat(north.fieldLabel()).isEqualTo("Intake: Which bank do you pay from?");
        assertThat(found.overrepresented()).extracting(Overrepresentation::key)
                .doesNotContain("intake." + question + "=Southbank");
        assertThat(found.testGaps()).noneSatisfy(g -> assertThat(g).contains("Intake"));
    }

    @Test
    void findsADefectPlantedForAndroid52WithItsLiftAndNoTestEnvironmentRunningIt() {
        String product = "Planted " + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> ios = Cohorts.register(customers, product, "iOS", "5.2", "Personal", 120);
        List<Customer> android51 = Cohorts.register(customers, product, "Android", "5.1", "Personal", 80);
        List<Customer> android52 = Cohorts.register(customers, product, "Android", "5.2", "Personal", 30);
        environments.define("Pixel lab " + product, product, "Android", "5.3", "Business", null, Map.of());
        environments.define("iPhone lab " + product, product, "iOS", "5.2", "Personal", null, Map.of());
        ServiceNeed need = Cohorts.need(needs, "The app crashes when I open my card");
        Instant at = Instant.now().minusSeconds(3600);
        List<Customer> affected = new ArrayList<>(android52.subList(0, 24));
        affected.addAll(ios.subList(0, 3));
        affected.addAll(android51.subList(0, 3));
        for (Customer c : affected) {
            Cohorts.contact(contacts, cases, c, need, at, "The app closes as soon as I tap my card");
        }

        Evidence found = evidence.of(need.id());

        assertThat(found.customers()).isEqualTo(30);
        assertThat(found.contacts()).isEqualTo(30);
        // The product is this test's own, so every affected customer runs it; whether it ranks above the version
        // depends on how many Android 5.2 customers the other tests in this application registered.
        Overrepresentation top = found.significant().stream().filter(o -> !o.key().startsWith("product="))
                .findFirst().orElseThrow();
        assertThat(top.key()).isEqualTo("version=Android 5.2");
        long base = customers.environmentCounts().of("version=Android 5.2");
        long all = customers.environmentCounts().customers();
        assertThat(top.affected()).isEqualTo(24);
        assertThat(top.lift()).isCloseTo((24.0 / 30) / ((double) base / all), within(1e-9)).isGreaterThan(3);
        assertThat(top.pValue()).isLessThan(1e-6);
        assertThat(top.untested()).isTrue();
        assertThat(found.significant()).extracting(Overrepresentation::key).doesNotContain("version=iOS 5.2");
        assertThat(found.testGaps()).anySatisfy(g -> assertThat(g).contains("version Android 5.2")
                .contains("none of our test environments do"));
        assertThat(found.cost().minutes()).isPositive();
        assertThat(found.verbatims()).isNotEmpty().allSatisfy(v -> assertThat(v.text()).contains("tap my card"));
        assertThat(EvidenceExport.attributesCsv(found)).contains("version,Android 5.2,24,");
        assertThat(EvidenceExport.markdown(found)).contains("| version | Android 5.2 | 80% |");
    }

    @Test
    void refusesATestEnvironmentWithoutANameNamingTheField() {
        assertThatThrownBy(() -> environments.define(" ", null, "Android", "5.3", null, null, Map.of()))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("name");
    }
}
