package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;

/** Drives the agent workspace in headless Chromium: sign in, inbox by need, a case, linking it to a need. */
@RepdeskIntegrationTest
class WorkspaceBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    SlaManagement sla;

    @org.springframework.beans.factory.annotation.Autowired
    io.repdesk.TestClock clock;

    @org.springframework.beans.factory.annotation.Autowired
    CustomerManagement customers;

    @org.springframework.beans.factory.annotation.Autowired
    ContactManagement contacts;

    @org.springframework.beans.factory.annotation.Autowired
    CaseManagement cases;

    @org.springframework.beans.factory.annotation.Autowired
    EscalationManagement escalations;

    @org.springframework.beans.factory.annotation.Autowired
    io.repdesk.need.NeedManagement needs;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browsers.browser().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void anAgentSignsInOpensTheInboxAndACaseAndLinksItToANeed() {
        signIn("agent", "repdesk-demo");

        assertThat(page).hasURL(url("/inbox"));
        assertThat(page.locator("h1")).containsText("Inbox");
        assertThat(page.locator("header .who")).hasText("agent");
        Locator triage = page.locator("#triage");
        assertThat(triage.locator("h2")).containsText("Triage");

        // htmx wires the groups up once the page has loaded; a click before that would open an empty group.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        Locator firstGroup = page.locator("details.group").first();
        firstGroup.locator("summary").click();
        assertThat(firstGroup.locator(".group-body table.cases tbody tr").first()).isVisible();

        triage.locator("a.ref").first().click();
        assertThat(page.locator(".triage-flag")).containsText("In triage");
        assertThat(page.locator("section.thread article.contact").first()).isVisible();
        assertThat(page.locator("section.customer dl.environment")).containsText("Platform");
        assertThat(page.locator("section.timeline li.this-case").first()).isVisible();

        assertThat(page.locator("section.suggestions h3")).hasText("Suggested needs");
        assertThat(page.locator("#newNeedTitle")).not().isEmpty();

        page.locator("#needId").fill("link my card");
        page.locator("#needId-options [role=option]", new Page.LocatorOptions().setHasText("I can't link my card to the app"))
                .click();
        assertThat(page.locator("#needId")).hasValue("I can't link my card to the app");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Link").setExact(true)).click();

        assertThat(page.locator(".notice")).containsText("Linked to");
        assertThat(page.locator("a.need-link")).hasText("I can't link my card to the app");
        assertThat(page.locator("section.summary")).containsText("linked by agent");
        assertThat(page.locator("section.history table.audit")).containsText("CaseLinkedToNeed");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        signIn("agent", "not-the-password");

        assertThat(page.locator("[role=alert]")).containsText("Wrong username or password");
        page.navigate(url("/inbox"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void theNeedPageListsItsCases() {
        signIn("agent", "repdesk-demo");
        page.navigate(url("/needs"));
        page.locator("table.needs a", new Page.LocatorOptions().setHasText("Contactless payments don't work")).click();

        assertThat(page.locator("h1")).hasText("Contactless payments don't work");
        assertThat(page.locator("table.cases tbody tr").first()).isVisible();
        page.locator(".tabs a", new Page.LocatorOptions().setHasText("All")).click();
        assertThat(page.locator("table.cases tbody tr").first()).containsText("RD-");
    }

    @Test
    void emergingNeedsCanBeReviewedAndPromoted() {
        signIn("sam.tier2", "repdesk-demo");
        page.navigate(url("/needs/emerging"));
        page.locator("button", new Page.LocatorOptions().setHasText("Cluster again now")).click();

        assertThat(page.locator(".notice")).containsText("emerging needs");
        Locator first = page.locator("article.emerging").first();
        assertThat(first.locator("h2")).isVisible();
        first.locator("input[name=title]").fill("I want to pay with my phone wallet");
        first.locator("button", new Locator.LocatorOptions().setHasText("Promote to a need")).click();

        assertThat(page.locator("h1")).hasText("I want to pay with my phone wallet");
        assertThat(page.locator(".notice")).containsText("linked");
    }

    @Test
    void aNeedCanBeSplitAndMergedFromItsPage() {
        signIn("sam.tier2", "repdesk-demo");
        page.navigate(url("/needs"));
        page.locator("table.needs a", new Page.LocatorOptions().setHasText("My card hasn't arrived")).click();
        page.locator(".tabs a", new Page.LocatorOptions().setHasText("All")).click();

        page.locator("table.cases tbody input[type=checkbox]").first().check();
        page.locator("#splitTitle").fill("My card arrived damaged");
        page.locator("#split button[type=submit]").click();

        assertThat(page.locator("h1")).hasText("My card arrived damaged");
        assertThat(page.locator(".notice")).containsText("moved 1 cases");
        page.locator(".tabs a", new Page.LocatorOptions().setHasText("All")).click();
        assertThat(page.locator("table.cases tbody tr")).hasCount(1);

        page.navigate(url("/needs"));
        page.locator("table.needs a", new Page.LocatorOptions().setHasText("When will my card be delivered?")).click();
        Locator merge = page.locator("section.similar button").first();
        String target = merge.textContent().replaceAll(".*“(.*)”.*", "$1");
        merge.click();

        assertThat(page.locator("h1")).hasText(target);
        assertThat(page.locator(".notice")).containsText("Merged");
        page.navigate(url("/needs"));
        assertThat(page.locator("table.needs")).not().containsText("When will my card be delivered?");
    }

    @Test
    void theCasePageShowsTheSlaClocksAndTheirBreach() {
        String plan = "Gold-" + java.util.UUID.randomUUID();
        clock.pin(java.time.Instant.parse("2026-11-23T09:00:00Z"));
        try {
            var hours = sla.defineCalendar(null, new SlaManagement.NewCalendar("Berlin desk " + plan, "Europe/Berlin",
                    Map.of(java.time.DayOfWeek.MONDAY, List.of("09:00-17:00"), java.time.DayOfWeek.TUESDAY,
                            List.of("09:00-17:00")), Map.of()));
            sla.definePolicy(null, new SlaManagement.NewPolicy("Gold contract " + plan, ServicePolicy.Kind.FORMAL, 1,
                    hours.id(), java.time.Duration.ofHours(4), null, null, java.util.Set.of(),
                    java.time.Duration.ofHours(1), new SlaConditions(null, plan, null, null, null), true));
            var customer = customers.register(new NewCustomer(null, "Gold Customer", plan + "@example.test",
                    new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
            var contact = contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND, clock.instant(),
                    "Payroll export is empty", "The payroll export has no rows since this morning.", null, null, null,
                    null)).contact();
            String reference = cases.get(contact.caseId()).reference();
            signIn("agent", "repdesk-demo");

            page.navigate(url("/cases/" + reference));
            Locator clocks = page.locator("section.sla");
            assertThat(clocks).containsText("Gold contract " + plan);
            assertThat(clocks).containsText("promised to the customer");
            Locator firstResponse = clocks.locator("tr[data-target=FIRST_RESPONSE]");
            assertThat(firstResponse).containsText("Running");
            assertThat(firstResponse).containsText("23 Nov 2026 13:00 UTC");
            assertThat(firstResponse).containsText("4 h 00 min left");

            clock.advance(java.time.Duration.ofHours(5));
            sla.recompute();
            page.reload();
            assertThat(firstResponse).containsText("Breached");
            assertThat(firstResponse).containsText("1 h 00 min over");
            assertThat(clocks.locator("ul.breaches")).containsText("First response breached 23 Nov 2026 13:00 UTC");
        } finally {
            clock.release();
        }
    }

    @Test
    void aCaseMovesFromTier1ToTier2ByAnEscalationRuleWithItsSlaClockShown() {
        String plan = "Silver-" + java.util.UUID.randomUUID();
        clock.pin(java.time.Instant.parse("2026-11-23T09:00:00Z"));
        try {
            var hours = sla.defineCalendar(null, new SlaManagement.NewCalendar("Lisbon desk " + plan, "Europe/Lisbon",
                    Map.of(java.time.DayOfWeek.MONDAY, List.of("08:00-18:00")), Map.of()));
            sla.definePolicy(null, new SlaManagement.NewPolicy("Silver promise " + plan, ServicePolicy.Kind.FORMAL, 1,
                    hours.id(), java.time.Duration.ofHours(1), null, null, java.util.Set.of(),
                    java.time.Duration.ofMinutes(15), new SlaConditions(null, plan, null, null, null), true));
            Team secondLine = escalations.defineTeam(null, new EscalationManagement.NewTeam("Second line " + plan,
                    Tier.TIER_2, Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("agent", true))));
            escalations.defineRule(null, new EscalationManagement.NewRule("Breach to tier 2 " + plan,
                    EscalationRule.Trigger.SLA_BREACH, null, null, plan, Tier.TIER_2, secondLine.id(), true, true, 1));
            var customer = customers.register(new NewCustomer(null, "Silver Customer", plan + "@example.test",
                    new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
            var contact = contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                    clock.instant(), "Card terminal offline", "Our card terminal is offline since opening.", null, null,
                    null, null)).contact();
            String reference = cases.get(contact.caseId()).reference();
            signIn("agent", "repdesk-demo");
            page.navigate(url("/cases/" + reference));
            assertThat(page.locator(".summary .tier")).hasText("Tier 1");
            Locator firstResponse = page.locator("section.sla tr[data-target=FIRST_RESPONSE]");
            assertThat(firstResponse).containsText("Running");
            assertThat(firstResponse).containsText("23 Nov 2026 10:00 UTC");

            clock.advance(java.time.Duration.ofHours(2));
            sla.recompute();
            escalations.evaluate();
            page.reload();

            assertThat(page.locator(".summary .tier")).hasText("Tier 2 · " + secondLine.name());
            assertThat(firstResponse).containsText("Breached");
            assertThat(firstResponse).containsText("1 h 00 min over");
            Locator record = page.locator("ol.escalations");
            assertThat(record).containsText("Tier 1 → Tier 2 · " + secondLine.name());
            assertThat(record).containsText("SLA breached");
            assertThat(record).containsText("by repdesk, assigned to agent");

            page.navigate(url("/queues"));
            page.locator("table.queues a", new Page.LocatorOptions().setHasText(secondLine.name())).click();
            Locator queued = page.locator("table.queue tr", new Page.LocatorOptions().setHasText(reference));
            assertThat(queued).containsText("Breached");
            assertThat(queued).containsText("agent");
            page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Assigned to me")).click();
            assertThat(page.locator("table.queue")).containsText(reference);
        } finally {
            clock.release();
        }
    }

    @Test
    void anAgentEscalatesByHandAndMustSayWhy() {
        String plan = "Hand-" + java.util.UUID.randomUUID();
        Team specialists = escalations.defineTeam(null, new EscalationManagement.NewTeam("Specialists " + plan,
                Tier.TIER_3, Team.Assignment.MANUAL, List.of()));
        var customer = customers.register(new NewCustomer(null, "Hand Customer", plan + "@example.test",
                EnvironmentProfile.unknown(), null)).id();
        var contact = contacts.record(new NewContact(customer, null, Channel.PORTAL, Direction.INBOUND,
                java.time.Instant.now(), "Audit log gaps", "The audit log misses entries from last night.", null, null,
                null, null)).contact();
        String reference = cases.get(contact.caseId()).reference();
        signIn("agent", "repdesk-demo");
        page.navigate(url("/cases/" + reference));

        page.locator("form.escalate select[name=toTeamId]").selectOption(specialists.id().toString());
        page.locator("form.escalate button[type=submit]").click();
        assertThat(page.locator("form.escalate .error")).containsText("reason");

        page.locator("form.escalate select[name=toTeamId]").selectOption(specialists.id().toString());
        page.locator("#reason").fill("Needs someone who knows the audit pipeline");
        page.locator("form.escalate button[type=submit]").click();
        assertThat(page.locator(".notice")).containsText("Escalated to tier 3");
        assertThat(page.locator(".summary .tier")).hasText("Tier 3 · " + specialists.name());
        assertThat(page.locator("ol.escalations")).containsText("Needs someone who knows the audit pipeline");
        assertThat(page.locator("ol.escalations")).containsText("by agent");
    }

    @Test
    void anAgentRepliesAndLeavesAWorkaroundAndTheFirstResponseIsMet() {
        String plan = "Bronze-" + java.util.UUID.randomUUID();
        clock.pin(java.time.Instant.parse("2026-11-23T09:00:00Z"));
        try {
            var hours = sla.defineCalendar(null, new SlaManagement.NewCalendar("Round the clock " + plan, "UTC",
                    Map.of(java.time.DayOfWeek.MONDAY, List.of("00:00-24:00")), Map.of()));
            sla.definePolicy(null, new SlaManagement.NewPolicy("Bronze promise " + plan, ServicePolicy.Kind.FORMAL, 1,
                    hours.id(), java.time.Duration.ofHours(2), null, null, java.util.Set.of(), java.time.Duration.ZERO,
                    new SlaConditions(null, plan, null, null, null), true));
            var customer = customers.register(new NewCustomer(null, "Bronze Customer", plan + "@example.test",
                    new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
            var contact = contacts.record(new NewContact(customer, null, Channel.CHAT, Direction.INBOUND,
                    clock.instant(), "Receipts missing", "No receipts arrive by email since Friday.", null, null,
                    null, null)).contact();
            String reference = cases.get(contact.caseId()).reference();
            signIn("agent", "repdesk-demo");
            page.navigate(url("/cases/" + reference));

            clock.advance(java.time.Duration.ofMinutes(30));
            page.locator("#reply-body").fill("Receipts are paused by a mail outage; we will resend them today.");
            page.locator("form.reply button[type=submit]").click();
            assertThat(page.locator(".notice")).containsText("Reply sent");
            assertThat(page.locator("section.thread")).containsText("we will resend them today");
            assertThat(page.locator("section.sla tr[data-target=FIRST_RESPONSE]")).containsText("Met");
            assertThat(page.locator("section.sla tr[data-target=FIRST_RESPONSE]")).containsText("30 min taken");

            page.locator("form.note select[name=kind]").selectOption("WORKAROUND");
            page.locator("form.note textarea").fill("Resend receipts from Billing > Receipts > Resend all.");
            page.locator("form.note button[type=submit]").click();
            assertThat(page.locator("ol.notes li.workaround")).containsText("Resend receipts from Billing");
            assertThat(page.locator("ol.notes li.workaround")).containsText("agent");
        } finally {
            clock.release();
        }
    }

    @Test
    void oneReplyReachesEveryOpenCaseOfANeed() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var need = needs.define(new io.repdesk.need.NewNeed("label-printer-" + suffix, "Label printer prints blank "
                + suffix, "", io.repdesk.need.DemandClass.VALUE_ERODING, "Switch the printer to ZPL mode"));
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var customer = customers.register(new NewCustomer(null, "Printer Customer " + i, "printer-" + i + "-"
                    + suffix + "@example.test", EnvironmentProfile.unknown(), null)).id();
            var contact = contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                    java.time.Instant.now(), "Blank labels", "Every label comes out blank.", null, null, need.id(),
                    null)).contact();
            references.add(cases.get(contact.caseId()).reference());
        }
        signIn("sam.tier2", "repdesk-demo");
        page.navigate(url("/needs/" + need.id()));

        assertThat(page.locator("#reply-all-body")).hasValue("A workaround while we fix this: Switch the printer to ZPL mode");
        page.locator("section.reply-all button[type=submit]").click();

        assertThat(page.locator(".notice")).containsText("Replied to 2 open cases");
        page.navigate(url("/cases/" + references.get(1)));
        assertThat(page.locator("section.thread")).containsText("Switch the printer to ZPL mode");
    }

    @Test
    void aDuplicateCaseIsMergedAndBothReferencesStillOpen() {
        var customer = customers.register(new NewCustomer(null, "Duplicate Customer", "dup-"
                + java.util.UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null)).id();
        var first = contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                java.time.Instant.now(), "Invoice PDF is empty", "The invoice PDF has no pages.", null, null, null,
                null)).contact();
        var second = contacts.record(new NewContact(customer, null, Channel.CHAT, Direction.INBOUND,
                java.time.Instant.now(), "Blank invoice", "My invoice download is blank.", null, null, null,
                null)).contact();
        String kept = cases.get(first.caseId()).reference();
        String duplicate = cases.get(second.caseId()).reference();
        signIn("agent", "repdesk-demo");
        page.navigate(url("/cases/" + duplicate));

        page.locator("#merge-into").fill("RD-0");
        page.locator("form.merge button[type=submit]").click();
        assertThat(page.locator("form.merge .error")).containsText("no case RD-0");
        page.locator("#merge-into").fill(kept);
        page.locator("form.merge button[type=submit]").click();

        assertThat(page).hasURL(url("/cases/" + kept));
        assertThat(page.locator("section.thread")).containsText("My invoice download is blank.");
        assertThat(page.locator("section.thread .from-case")).containsText("from " + duplicate);
        page.navigate(url("/cases/" + duplicate));
        assertThat(page.locator("p.merged")).containsText("merged into " + kept);
    }

    @Test
    void anAgentPutsACaseInATeamsQueue() {
        String plan = "Queue-" + java.util.UUID.randomUUID();
        Team desk = escalations.defineTeam(null, new EscalationManagement.NewTeam("Morning desk " + plan, Tier.TIER_1,
                Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("agent", true))));
        var customer = customers.register(new NewCustomer(null, "Queue Customer", plan + "@example.test",
                EnvironmentProfile.unknown(), null)).id();
        var contact = contacts.record(new NewContact(customer, null, Channel.PORTAL, Direction.INBOUND,
                java.time.Instant.now(), "Two-factor codes arrive late", "Codes arrive after they expire.", null, null,
                null, null)).contact();
        String reference = cases.get(contact.caseId()).reference();
        signIn("agent", "repdesk-demo");
        page.navigate(url("/cases/" + reference));

        page.locator("#queue-team").selectOption(desk.id().toString());
        page.locator("form.queue button[type=submit]").click();

        assertThat(page.locator(".notice")).containsText("assigned to agent");
        assertThat(page.locator(".summary .tier")).hasText("Tier 1 · " + desk.name());
        page.navigate(url("/queues/" + desk.id()));
        assertThat(page.locator("table.queue")).containsText(reference);
    }

    private void signIn(String username, String password) {
        Browsers.signIn(page, url(""), username, password);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
