package io.repdesk.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.intake.FlowDraft;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.security.PortalAccounts;
import io.repdesk.shared.CustomerId;

/**
 * The demo's customer portal: intake flows for its request categories, and a portal password for a few
 * customers, each of another organization, so the portal can be tried at once.
 */
@Component
class DemoPortal {

    static final int CUSTOMERS_WITH_PASSWORD = 3;

    private final IntakeManagement intake;
    private final PortalAccounts accounts;
    private final CustomerManagement customers;

    DemoPortal(IntakeManagement intake, PortalAccounts accounts, CustomerManagement customers) {
        this.intake = intake;
        this.accounts = accounts;
        this.customers = customers;
    }

    void configure(DemoWorld world, List<CustomerId> customerIds) {
        intake.create(cards());
        intake.create(app());
        Set<Integer> organizations = new HashSet<>();
        for (int i = 0; i < world.customers().size() && organizations.size() < CUSTOMERS_WITH_PASSWORD; i++) {
            if (organizations.add(world.customers().get(i).organization())) {
                accounts.setPassword(customerIds.get(i), DemoData.PASSWORD);
            }
        }
    }

    /** The addresses of the demo customers who can sign in to the portal with the demo password. */
    String signInHint() {
        return customers.getAll(accounts.withPassword(CUSTOMERS_WITH_PASSWORD)).values().stream()
                .map(c -> c.email()).collect(Collectors.joining(", "));
    }

    private static FlowDraft cards() {
        return new FlowDraft("Card problem", "Cards", null, List.of(
                Question.of("problem", "What is wrong with the card?", QuestionType.CHOICE, true,
                        "Each of these is handled by a different team; the answer sends your request straight there.",
                        "A payment was declined", "The card has not arrived", "The card was lost or stolen"),
                Question.of("merchant", "Where was the payment declined?", QuestionType.TEXT, true,
                        "Some declines come from the shop's side; knowing the shop lets us check its payments.")
                        .shownIf("problem", "A payment was declined"),
                Question.of("ordered_days_ago", "How many days ago did you order the card?", QuestionType.NUMBER, true,
                        "Cards take up to 7 working days; before that we can only tell you where it is.")
                        .shownIf("problem", "The card has not arrived"),
                Question.of("frozen", "Have you frozen the card in the app?", QuestionType.CHOICE, true,
                        "A frozen card cannot be used by anyone, so we know whether to block it for you.", "Yes", "No")
                        .shownIf("problem", "The card was lost or stolen")));
    }

    private static FlowDraft app() {
        return new FlowDraft("App problem", "Lumen app", null, List.of(
                Question.of("platform", "Which platform is the app on?", QuestionType.CHOICE, true,
                        "Android, iOS and web builds are different programs with different defects.",
                        "Android", "iOS", "web"),
                Question.of("app_version", "Which version of the app are you using?", QuestionType.VERSION, true,
                        "Fixes ship in versions: it tells us whether a fix already exists for you."),
                Question.of("android_version", "Which Android version is the phone on?", QuestionType.VERSION, false,
                        "Some defects only appear on older Android versions.").shownIf("platform", "Android"),
                Question.of("screenshot", "Can you attach a screenshot of the error?", QuestionType.FILE, false,
                        "The exact wording of an error often points straight at its cause.")));
    }
}
