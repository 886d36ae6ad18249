package io.repdesk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.NewCustomer;
import io.repdesk.insight.Surveys;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.Role;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * Loads the demo world once, before the server takes requests, in one transaction: a crash while
 * loading leaves nothing behind and the next start loads it again.
 */
@Component
@DependsOnDatabaseInitialization
class DemoData implements SmartInitializingSingleton {

    /** The shared password of the demo agent accounts and of the demo customers' portal accounts. */
    static final String PASSWORD = "repdesk-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** One resolved case in this many has its satisfaction survey answered. */
    private static final int SURVEYED = 3;

    private final DemoSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final ContactManagement contacts;
    private final CaseManagement cases;
    private final AgentAccounts agents;
    private final DemoRespond respond;
    private final DemoPortal portal;
    private final DemoKnowledge knowledge;
    private final DemoPrevent prevent;
    private final Surveys surveys;

    DemoData(DemoSettings settings, JdbcClient jdbc, TransactionTemplate transaction, CustomerManagement customers,
            NeedManagement needs, ContactManagement contacts, CaseManagement cases, AgentAccounts agents,
            DemoRespond respond, DemoPortal portal, DemoKnowledge knowledge, DemoPrevent prevent, Surveys surveys) {
        this.surveys = surveys;
        this.prevent = prevent;
        this.knowledge = knowledge;
        this.respond = respond;
        this.portal = portal;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.customers = customers;
        this.needs = needs;
        this.contacts = contacts;
        this.cases = cases;
        this.agents = agents;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.enabled()) {
            loadOnce();
        }
    }

    /** Loads the demo world unless it is already there; returns whether it loaded now. */
    boolean loadOnce() {
        Boolean loaded = transaction.execute(status -> {
            jdbc.sql("lock table demo_load in exclusive mode").update();
            if (jdbc.sql("select count(*) from demo_load").query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            LocalDate today = settings.today() != null ? settings.today() : LocalDate.now(ZoneOffset.UTC);
            DemoCatalog catalog = DemoCatalog.load();
            DemoWorld world = new DemoGenerator(catalog, settings, today.atStartOfDay().toInstant(ZoneOffset.UTC))
                    .generate();
            load(catalog, world, today);
            jdbc.sql("insert into demo_load (seed, history_ends, organizations, customers, cases, contacts) "
                    + "values (?, ?, ?, ?, ?, ?)")
                    .params(settings.seed(), today, world.organizations().size(), world.customers().size(),
                            world.cases().size(), world.contactCount())
                    .update();
            log.info("Loaded demo data in {} ms: {} organizations, {} customers, {} cases, {} contacts",
                    (System.nanoTime() - started) / 1_000_000, world.organizations().size(),
                    world.customers().size(), world.cases().size(), world.contactCount());
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void load(DemoCatalog catalog, DemoWorld world, LocalDate today) {
        agents.create("agent", "Alex Morgan (tier 1)", Role.TIER_1_AGENT, PASSWORD);
        agents.create("sam.tier2", "Sam Okoro (tier 2)", Role.TIER_2_AGENT, PASSWORD);
        agents.create("manager", "Maria Lindgren (support manager)", Role.MANAGER, PASSWORD);
        agents.create("eli.engineer", "Eli Novak (engineering)", Role.ENGINEER, PASSWORD);
        agents.create("kim.author", "Kim Adeyemi (knowledge)", Role.KNOWLEDGE_AUTHOR, PASSWORD);
        agents.create("ari.accounts", "Ari Lindqvist (account manager)", Role.ACCOUNT_MANAGER, PASSWORD);
        agents.create("admin", "Ada Brennan (administrator)", Role.ADMIN, PASSWORD);
        Map<String, NeedId> needIds = defineNeeds(catalog, today);
        respond.configure();
        List<OrganizationId> orgIds = new ArrayList<>();
        world.organizations().forEach(o -> orgIds.add(customers.registerOrganization(o.name(), o.plan()).id()));
        List<CustomerId> customerIds = new ArrayList<>();
        for (DemoWorld.Person p : world.customers()) {
            customerIds.add(customers.register(new NewCustomer(orgIds.get(p.organization()), p.name(), p.email(),
                    p.environment(), p.accountManager()), p.createdAt()).id());
        }
        portal.configure(world, customerIds);
        int done = 0;
        knowledge.load(needIds, today);
        int resolved = 0;
        for (DemoWorld.Thread thread : world.cases()) {
            CaseId caseId = loadCase(thread, customerIds.get(thread.customer()),
                    thread.needKey() == null ? null : needIds.get(thread.needKey()));
            if ((thread.status() == CaseStatus.RESOLVED || thread.status() == CaseStatus.CLOSED)
                    && resolved++ % SURVEYED == 0) {
                answerSurvey(thread, caseId, world.customers().get(thread.customer()).email());
            }
            if (++done % 1000 == 0) {
                log.info("Demo data: {} of {} cases", done, world.cases().size());
            }
        }
        prevent.load(needIds, orgIds, today);
    }

    private Map<String, NeedId> defineNeeds(DemoCatalog catalog, LocalDate today) {
        Map<String, NeedId> ids = new HashMap<>();
        Instant longAgo = today.minusDays(DemoGenerator.HISTORY_DAYS + 60L).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant release = today.minusDays(DemoGenerator.RELEASE_DAYS_AGO - 3L).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (DemoCatalog.NeedSpec spec : catalog.needs()) {
            if (spec.key().equals(DemoGenerator.EMERGING)) {
                continue;
            }
            Instant created = DemoGenerator.YOUNG.containsKey(spec.key()) ? release : longAgo;
            ids.put(spec.key(), needs.define(new NewNeed(spec.key(), spec.title(), spec.description(),
                    spec.demandClass(), null), created).id());
        }
        return ids;
    }

    /**
     * The customer answers the satisfaction survey in the portal, through the survey itself: quick cases score
     * well, long ones less, and a few customers are hard to please.
     */
    private void answerSurvey(DemoWorld.Thread thread, CaseId caseId, String customerEmail) {
        int messages = thread.messages().size();
        int score = Math.max(1, (messages <= 2 ? 5 : messages <= 4 ? 4 : 3) - (thread.customer() % 7 == 0 ? 2 : 0));
        String comment = score >= 4 ? "Quick and clear, thank you." : score == 3
                ? "Solved in the end, but it took a few messages." : "It took too long to get a real answer.";
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(customerEmail, null, List.of()));
        try {
            surveys.answer(cases.get(caseId), String.valueOf(score), comment);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private CaseId loadCase(DemoWorld.Thread thread, CustomerId customer, NeedId need) {
        // The demo's history was made by its agents: links and status changes carry their names.
        String agent = thread.assignee() != null ? thread.assignee() : DemoGenerator.AGENTS.get(thread.customer() % 2);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(agent, null, List.of()));
        try {
            return loadCaseAs(thread, customer, need);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private CaseId loadCaseAs(DemoWorld.Thread thread, CustomerId customer, NeedId need) {
        CaseId caseId = null;
        Instant last = null;
        for (DemoWorld.Message m : thread.messages()) {
            last = last == null || m.occurredAt().isAfter(last) ? m.occurredAt() : last;
            var recorded = contacts.record(new NewContact(customer, caseId, m.channel(), m.direction(),
                    m.occurredAt(), m.subject(), m.body(), m.author(), null, caseId == null ? need : null,
                    caseId == null ? thread.priority() : null));
            caseId = recorded.contact().caseId();
        }
        if (thread.status() != CaseStatus.NEW) {
            // Dated in the demo's history (an hour after its last message), so SLA clocks read true.
            cases.changeStatus(caseId, thread.status(), last.plus(java.time.Duration.ofHours(1)));
        }
        if (thread.assignee() != null) {
            cases.assign(caseId, thread.assignee());
        }
        return caseId;
    }

    @EventListener
    @Order(2)
    void printLogins(ApplicationReadyEvent event) {
        if (settings.enabled()) {
            System.out.printf("Demo sign-in, each with the password %s: agent (tier 1), sam.tier2 (tier 2), "
                    + "eli.engineer, kim.author (knowledge), ari.accounts (account manager), manager, admin%n",
                    PASSWORD);
            System.out.printf("Customer portal at /portal: %s, each with the password %s%n%n", portal.signInHint(),
                    PASSWORD);
        }
    }
}
