package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

@RepdeskIntegrationTest
class CaseMatchingIntegrationTests {

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    Journal journal;

    @Autowired
    CaseMatching matching;

    @Autowired
    NeedMatcher matcher;

    @Test
    void aContactLikeTheConfirmedHistoryIsSuggestedItsNeed() {
        CaseId caseId = newCase("My new card still hasn't arrived, it has been two weeks. Where is it?");

        CaseMatch match = awaitMatch(caseId);

        ServiceNeed cardArrival = needs.byKey("card_arrival").orElseThrow();
        assertThat(match.suggestions()).isNotEmpty();
        assertThat(match.suggestions().getFirst().needId()).isEqualTo(cardArrival.id());
        assertThat(match.suggestions().getFirst().confidence()).isBetween(0f, 1f);
        SupportCase after = cases.get(caseId);
        if (after.needId() != null) {
            assertThat(after.needId()).isEqualTo(cardArrival.id());
            assertThat(after.needLinkedBy()).isEqualTo(Journal.SYSTEM_ACTOR);
            assertThat(after.needConfirmed()).isFalse();
        }
    }

    @Test
    void aCorrectionChangesTheVeryNextMatch() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ServiceNeed fridge = define("fridge-" + suffix, "My smart fridge beeps all night");
        ServiceNeed oven = define("oven-" + suffix, "My oven will not heat up");
        String text = "The smart fridge door alarm keeps beeping at night even when the door is shut";

        CaseId taught = newCase(text);
        awaitMatch(taught);
        asAgent(() -> cases.linkToNeed(taught, fridge.id()));
        CaseId first = newCase("Smart fridge door alarm beeping through the night although the door is closed");
        assertThat(awaitMatch(first).suggestions().getFirst().needId()).isEqualTo(fridge.id());

        asAgent(() -> cases.linkToNeed(taught, oven.id()));
        CaseId next = newCase("Why does the smart fridge door alarm beep all night with the door shut?");

        assertThat(awaitMatch(next).suggestions().getFirst().needId()).isEqualTo(oven.id());
        assertThat(journal.forStream("case", taught.value())).extracting(JournalEntry::type)
                .containsSubsequence("CaseLinkedToNeed", "CaseLinkedToNeed");
        assertThat(journal.forStream("case", taught.value()).getLast().actor()).isEqualTo("agent");
    }

    @Test
    void somethingUnlikeEveryKnownNeedLooksNew() {
        CaseId caseId = newCase("The volcano observatory webcam shows a purple sky and the seismograph chart is blank");

        CaseMatch match = awaitMatch(caseId);

        assertThat(match.newNeedScore()).isGreaterThan(0.5f);
        assertThat(cases.get(caseId).needId()).isNull();
    }

    @Test
    void requestsWaitingTogetherAreMatchedInOneBatchEachCaseByItsOwnContact() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ServiceNeed fridge = define("fridge-batch-" + suffix, "My smart fridge beeps all night");
        ServiceNeed oven = define("oven-batch-" + suffix, "My oven will not heat up");
        matching.stop();
        try {
            CaseId fridgeTaught = newCase("The smart fridge door alarm keeps beeping at night even when the door is shut");
            CaseId ovenTaught = newCase("The oven stays cold although it is switched on and the fan is running");
            asAgent(() -> {
                cases.linkToNeed(fridgeTaught, fridge.id());
                cases.linkToNeed(ovenTaught, oven.id());
            });
            CaseId fridgeCase = newCase("Smart fridge door alarm beeping through the night although the door is closed");
            CaseId ovenCase = newCase("My oven does not get hot, it stays cold even with the fan running");
            CaseId cardCase = newCase("My new card still hasn't arrived, it has been two weeks. Where is it?");
            List<CaseId> waiting = List.of(fridgeCase, ovenCase, cardCase);
            assertThat(waiting).allMatch(cases::awaitingMatch);
            assertThat(matcher.awaitCurrent(Duration.ofSeconds(30))).isTrue();

            assertThat(matching.drain()).isGreaterThanOrEqualTo(5);

            assertThat(waiting).noneMatch(cases::awaitingMatch);
            assertThat(cases.matchOf(fridgeCase).suggestions().getFirst().needId()).isEqualTo(fridge.id());
            assertThat(cases.matchOf(ovenCase).suggestions().getFirst().needId()).isEqualTo(oven.id());
            assertThat(cases.matchOf(cardCase).suggestions().getFirst().needId())
                    .isEqualTo(needs.byKey("card_arrival").orElseThrow().id());
            // the taught cases had a need by the time their requests were taken: nothing was matched for them
            assertThat(cases.matchOf(fridgeTaught).matchedAt()).isNull();
            assertThat(cases.awaitingMatch(fridgeTaught)).isFalse();
        } finally {
            matching.start();
        }
    }

    private CaseMatch awaitMatch(CaseId caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.matchOf(caseId).matchedAt() != null);
        return cases.matchOf(caseId);
    }

    private CaseId newCase(String text) {
        CustomerId customer = customers.register(new NewCustomer(null, "Matching Tester",
                "match-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null)).id();
        return contacts.record(new NewContact(customer, null, Channel.PORTAL, Direction.INBOUND,
                Instant.parse("2026-10-31T15:00:00Z"), text, text, null, null, null, null)).contact().caseId();
    }

    private ServiceNeed define(String key, String title) {
        return needs.define(new NewNeed(key, title, "", DemandClass.UNCLASSIFIED, null));
    }

    private static void asAgent(Runnable action) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("agent", null, List.of()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
