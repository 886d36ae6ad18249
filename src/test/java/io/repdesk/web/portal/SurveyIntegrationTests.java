package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.insight.CustomerView;
import io.repdesk.insight.Dashboards;
import io.repdesk.insight.InsightFilter;
import io.repdesk.insight.RollupProjector;
import io.repdesk.insight.Satisfaction;
import io.repdesk.need.NeedManagement;
import io.repdesk.security.PortalAccounts;
import jakarta.mail.Message;

/**
 * The satisfaction survey end to end: resolving a case mails one invitation through the outbox, its link opens the
 * survey page, a bad score is explained and stores nothing, a good one is journaled and reaches the customer's
 * summary and the per need, team and agent figures; unknown and expired links are not found.
 */
@RepdeskIntegrationTest
class SurveyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    EscalationManagement escalation;

    @Autowired
    NeedManagement needs;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TestMail mail;

    @Autowired
    TestClock clock;

    @Autowired
    RollupProjector projector;

    @Autowired
    Dashboards dashboards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void theSignedInCustomerAnswersOnTheResolvedRequestInThePortalOnce() throws Exception {
        SurveyCases.Resolved resolved = cases();
        String reference = resolved.supportCase().reference();
        PortalClient portal = new PortalClient(port);
        try (SignInLinks links = SignInLinks.listen(context)) {
            accounts.requestLink(resolved.customer().email(), URI.create("http://localhost:" + port));
            assertThat(portal.useLink(links.awaitLink(resolved.customer().email())).location()).endsWith("/portal");
        }
        String page = portal.get("/portal/cases/" + reference).body();
        assertThat(page).contains("id=\"portal-survey\"", "How did we do?", "name=\"score\"");

        String refused = portal.post("/portal/cases/" + reference + "/survey", Map.of("score", "seven")).body();
        assertThat(refused).contains("Score must be a whole number from 1 to 5, not &quot;seven&quot;");
        assertThat(ratings(resolved.supportCase())).isZero();

        assertThat(portal.post("/portal/cases/" + reference + "/survey", Map.of("score", "5")).location())
                .endsWith("/portal/cases/" + reference);
        assertThat(portal.get("/portal/cases/" + reference).body())
                .contains("You rated the help on this request 5 of 5.").doesNotContain("name=\"score\"");
        portal.post("/portal/cases/" + reference + "/survey", Map.of("score", "1"));
        assertThat(ratings(resolved.supportCase())).isEqualTo(1);
        Matcher link = SurveyCases.LINK.matcher(SurveyCases.plainText(
                SurveyCases.invitations(outbox, mail, resolved.customer()).getFirst()));
        assertThat(link.find()).isTrue();
        assertThat(new PortalClient(port).get(link.group()).body()).contains("This survey was already answered",
                "5 of 5");
    }

    @Test
    void aResolvedCaseGetsOneSurveyWhoseAnswerIsJournaledAndCountedPerCustomerNeedTeamAndAgent() throws Exception {
        SurveyCases.Resolved resolved = cases();
        List<Message> invitations = SurveyCases.invitations(outbox, mail, resolved.customer());
        assertThat(invitations).hasSize(1);
        Matcher link = SurveyCases.LINK.matcher(SurveyCases.plainText(invitations.getFirst()));
        assertThat(link.find()).isTrue();
        String path = link.group();

        cases.changeStatus(resolved.supportCase().id(), CaseStatus.OPEN);
        cases.changeStatus(resolved.supportCase().id(), CaseStatus.RESOLVED);
        assertThat(SurveyCases.invitations(outbox, mail, resolved.customer())).as("reopened and resolved again within days").hasSize(1);

        PortalClient browser = new PortalClient(port);
        PortalClient.Response page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("How did we do?", resolved.supportCase().reference(), "name=\"score\"",
                "5 – Very satisfied");

        PortalClient.Response zero = browser.post(path, Map.of("score", "0", "comment", "bad"));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.body()).contains("id=\"score-error\"", "Score must be a whole number from 1 to 5");
        assertThat(browser.post(path, Map.of("score", "6")).body()).contains("Score must be a whole number from 1 to 5");
        assertThat(browser.post(path, Map.of("comment", "no score")).body())
                .contains("Score is required: choose a score from 1 to 5");
        assertThat(ratings(resolved.supportCase())).isZero();

        PortalClient.Response answered = browser.post(path, Map.of("score", "4", "comment", "<b>Quick</b> help"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you: your answer was recorded.", "4 of 5",
                "&lt;b&gt;Quick&lt;/b&gt; help").doesNotContain("<b>Quick</b>");
        PortalClient.Response again = browser.post(path, Map.of("score", "1"));
        assertThat(again.body()).contains("This survey was already answered", "4 of 5");
        assertThat(ratings(resolved.supportCase())).isEqualTo(1);
        String payload = jdbc.sql("""
                select payload::text from journal_event where stream = 'survey' and stream_id = ?
                  and type = 'SatisfactionRated'
                """).param(resolved.supportCase().id().value()).query(String.class).single();
        assertThat(payload).contains("\"score\": 4", "\"agent\": \"agent\"", resolved.team().name(),
                resolved.need().id().value().toString());

        projector.catchUp();
        CustomerView summary = dashboards.customer(resolved.customer().id());
        assertThat(summary.surveysAnswered()).isEqualTo(1);
        assertThat(summary.satisfaction()).isEqualTo(4.0);
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        Satisfaction figures = dashboards.satisfaction(new InsightFilter(today.minusDays(1), today.plusDays(1), null,
                null, null));
        assertThat(figures.needs()).filteredOn(r -> r.name().equals(resolved.need().title()))
                .singleElement().satisfies(r -> {
                    assertThat(r.answers()).isEqualTo(1);
                    assertThat(r.average()).isEqualTo(4.0);
                    assertThat(r.satisfiedPercent()).isEqualTo(100.0);
                });
        assertThat(figures.teams()).anySatisfy(r -> assertThat(r.name()).isEqualTo(resolved.team().name()));
        assertThat(figures.agents()).anySatisfy(r -> assertThat(r.name()).isEqualTo("agent"));
        assertThat(figures.distribution().get(3)).isPositive();

        projector.rebuild(position -> { });
        assertThat(dashboards.customer(resolved.customer().id()).satisfaction()).as("after a rebuild").isEqualTo(4.0);
        PortalClient manager = new PortalClient(port);
        manager.signInAsAgent("manager", "repdesk-demo");
        PortalClient.Response csv = manager.get("/insight/teams/satisfaction-needs.csv?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("need,answers,average_score,satisfied,satisfied_percent")
                .contains(resolved.need().title() + ",1,4.0,1,100.0");
    }

    @Test
    void unknownAndExpiredLinksAreNotFound() throws Exception {
        PortalClient browser = new PortalClient(port);
        PortalClient.Response unknown = browser.get("/survey/" + "x".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This survey link is unknown or has expired.");

        clock.pin(Instant.now());
        SurveyCases.Resolved resolved = cases();
        Matcher link = SurveyCases.LINK.matcher(SurveyCases.plainText(SurveyCases.invitations(outbox, mail, resolved.customer()).getFirst()));
        assertThat(link.find()).isTrue();
        assertThat(browser.get(link.group()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(15));
        assertThat(browser.get(link.group()).status()).isEqualTo(404);
        assertThat(browser.post(link.group(), Map.of("score", "5")).status()).isEqualTo(404);
        assertThat(ratings(resolved.supportCase())).isZero();
    }

    private SurveyCases.Resolved cases() {
        return SurveyCases.resolve(customers, needs, contacts, cases, escalation, clock);
    }

    private long ratings(SupportCase supportCase) {
        return jdbc.sql("select count(*) from journal_event where stream = 'survey' and stream_id = ? and type = ?")
                .params(supportCase.id().value(), "SatisfactionRated").query(Long.class).single();
    }
}
