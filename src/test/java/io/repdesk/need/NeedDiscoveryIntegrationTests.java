package io.repdesk.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;

@RepdeskIntegrationTest
class NeedDiscoveryIntegrationTests {

    /**
     * Ten customers with one problem, among the triage contacts every earlier test in the shared context left
     * unlinked (five could be merged with a larger group of unrelated texts when that pool is several hundred).
     */
    static final List<String> TELESCOPE = List.of(
            "The telescope mount app loses the star alignment after every firmware update",
            "My telescope mount lost its star alignment when the firmware updated last night",
            "Each firmware update of the mount makes the telescope forget the star alignment",
            "Telescope star alignment gone again after the mount's firmware update",
            "Since updating the mount firmware the telescope keeps losing its alignment to the stars",
            "After the firmware update my telescope mount forgot its star alignment again",
            "Star alignment on the telescope mount resets whenever the firmware updates",
            "Why does the telescope mount lose alignment with the stars after updating firmware?",
            "Firmware update wiped the telescope star alignment, third time this month",
            "Telescope mount firmware updates erase the saved star alignment every time");

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    NeedDiscovery discovery;

    @Autowired
    NeedMatcher matcher;

    @Autowired
    Journal journal;

    @Autowired
    io.repdesk.search.ContactIndex index;

    @Test
    void similarUnmatchedContactsBecomeOneEmergingNeedThatCanBePromoted() {
        List<CaseId> cases = new ArrayList<>();
        for (String text : TELESCOPE) {
            var customer = customers.register(new NewCustomer(null, "Stargazer", "star-" + UUID.randomUUID()
                    + "@example.test", new EnvironmentProfile("Lumen app", "5.2", "Android", "Plus", "EU", Map.of()),
                    null)).id();
            cases.add(contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                    Instant.now().minus(Duration.ofHours(cases.size() + 1)), text, text, null, null, null, null))
                    .contact().caseId());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> matcher.awaitCurrent(Duration.ofSeconds(1)));

        List<EmergingNeed> groups = discovery.refresh();
        EmergingNeed group = groups.stream().filter(g -> g.cases().containsAll(cases)).findFirst()
                .orElseThrow(() -> new AssertionError("no emerging need holds the telescope cases: " + groups.stream()
                        .map(g -> g.title() + " (" + g.size() + ", " + g.cases().stream().filter(cases::contains).count()
                                + " telescope)").toList() + " pool: " + index.unlinked(5000).stream()
                        .map(u -> u.text().substring(0, Math.min(30, u.text().length()))).toList()));

        assertThat(group.title()).containsIgnoringCase("telescope");
        assertThat(group.recent()).isGreaterThanOrEqualTo(TELESCOPE.size());
        assertThat(group.concentrations()).extracting(EmergingNeed.Concentration::value)
                .anyMatch(v -> v.contains("Android 5.2"));
        assertThat(group.concentrations()).allMatch(c -> c.lift() >= 1.5);

        NeedDiscovery.Promoted promoted = discovery.promote(group.id(), "My telescope forgets its alignment", "");

        assertThat(promoted.need().title()).isEqualTo("My telescope forgets its alignment");
        assertThat(promoted.cases()).containsAll(cases);
        assertThat(discovery.emerging()).noneMatch(g -> g.id().equals(group.id()));
        assertThat(journal.forStream("need", promoted.need().id().value())).extracting(JournalEntry::type)
                .contains("NeedDefined", "EmergingNeedPromoted");
        assertThatThrownBy(() -> discovery.promote(group.id(), "Again", "")).isInstanceOf(Conflict.class);
    }
}
