package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.Audience;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;

@RepdeskIntegrationTest
class LifecycleAdviceIntegrationTests {

    @Autowired
    LifecycleAdvice advice;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    ArticleManagement articles;

    @Autowired
    Journal journal;

    @Test
    void proposesKnowledgeForABusyNeedWithoutArticlesAndPreventionWhenContactsOutliveTheArticle() {
        String product = "Advised " + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> people = Cohorts.register(customers, product, "iOS", "5.2", "Personal", 24);
        ServiceNeed busy = Cohorts.need(needs, "I can't find my statements");
        ServiceNeed persistent = Cohorts.need(needs, "My transfer is stuck");
        articles.publish(articles.create(new ArticleDraft("Stuck transfers", "My transfer is stuck.", "",
                "Transfers clear within a day.", "", null, Audience.PUBLIC, List.of(persistent.id()), null)).id());
        Instant now = Instant.now();
        people.subList(0, 12).forEach(c -> Cohorts.contact(contacts, cases, c, busy, now, "Where are statements?"));
        people.subList(12, 24).forEach(c -> Cohorts.contact(contacts, cases, c, persistent, now, "Transfer stuck"));

        Recommendation knowledge = find(busy, Recommendation.Kind.CREATE_KNOWLEDGE);
        Recommendation prevention = find(persistent, Recommendation.Kind.PROPOSE_PREVENTION);
        assertThat(knowledge.reason()).startsWith("12 cases in the last 7 days and no published article");
        assertThat(prevention.stage()).isEqualTo(LifecycleStage.PREVENT);

        advice.accept(persistent.id(), Recommendation.Kind.PROPOSE_PREVENTION);
        advice.dismiss(busy.id(), Recommendation.Kind.CREATE_KNOWLEDGE);

        assertThat(needs.get(persistent.id()).stage()).isEqualTo(LifecycleStage.PREVENT);
        assertThat(needs.get(persistent.id()).demandClass()).isEqualTo(DemandClass.VALUE_ERODING);
        assertThat(needs.get(busy.id()).demandClass()).isEqualTo(DemandClass.UNCLASSIFIED);
        assertThat(advice.open()).noneMatch(r -> r.needId().equals(busy.id()) || r.needId().equals(persistent.id()));
        assertThat(journal.forStream("prevent", persistent.id().value())).extracting(JournalEntry::type)
                .contains("RecommendationAccepted");
        assertThat(journal.forStream("prevent", busy.id().value())).extracting(JournalEntry::type)
                .contains("RecommendationDismissed");
    }

    private Recommendation find(ServiceNeed need, Recommendation.Kind kind) {
        return advice.open().stream().filter(r -> r.needId().equals(need.id()) && r.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + need.title() + " in " + advice.open()));
    }
}
