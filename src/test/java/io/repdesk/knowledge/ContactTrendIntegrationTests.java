package io.repdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.casework.WeeklyCount;
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
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/**
 * Inbound contacts per week before and after an article went live, per need and per article, checked against
 * the same figures computed straight from the tables on planted contacts: inbound ones on cases of the need
 * count, replies and another need's contacts do not.
 */
@RepdeskIntegrationTest
class ContactTrendIntegrationTests {

    @Autowired
    ArticleManagement articles;

    @Autowired
    KnowledgeMeasures measures;

    @Autowired
    NeedManagement needs;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void contactsPerWeekBeforeAndAfterPublicationMatchTheTables() {
        Instant now = Instant.now();
        clock.pin(now);
        LocalDate thisWeek = monday(now);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ServiceNeed need = needs.define(new NewNeed("kb_trend_" + suffix, "Trend need " + suffix, "",
                DemandClass.ROUTINE, null));
        ServiceNeed other = needs.define(new NewNeed("kb_trend_other_" + suffix, "Other trend need " + suffix, "",
                DemandClass.ROUTINE, null));
        Customer customer = customers.register(new NewCustomer(null, "Trend " + suffix, "trend-" + suffix
                + "@example.com", new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        LocalDate publishedWeek = thisWeek.minusWeeks(6);
        // Weeks before publication: 6, 4, 5, 7, 3, 5, 6, 4 inbound contacts; the whole weeks since: 2, 1, 3, 1, 2.
        int[] before = { 6, 4, 5, 7, 3, 5, 6, 4 };
        int[] after = { 2, 1, 3, 1, 2 };
        for (int i = 0; i < before.length; i++) {
            plant(customer, need.id(), publishedWeek.minusWeeks(before.length - i), before[i], suffix);
        }
        plant(customer, need.id(), publishedWeek, 3, suffix);
        for (int i = 0; i < after.length; i++) {
            plant(customer, need.id(), publishedWeek.plusWeeks(i + 1L), after[i], suffix);
        }
        plant(customer, other.id(), publishedWeek.plusWeeks(2), 9, suffix);
        Article article = articles.publish(articles.create(new ArticleDraft("Trend " + suffix, "Issue", "",
                "Resolution", "", null, Audience.PUBLIC, List.of(need.id()), null)).id(),
                publishedWeek.atTime(10, 0).toInstant(ZoneOffset.UTC));

        ContactTrend ofNeed = measures.ofNeed(need.id()).contacts();
        ContactTrend ofArticle = measures.contactsOf(article);

        Map<LocalDate, Long> counted = countedByTables(need.id());
        for (ContactTrend trend : List.of(ofNeed, ofArticle)) {
            assertThat(trend.weekly()).hasSize(KnowledgeMeasures.WEEKS_SHOWN);
            for (WeeklyCount week : trend.weekly()) {
                assertThat(week.count()).as("week of " + week.week()).isEqualTo(counted.getOrDefault(week.week(), 0L));
            }
            assertThat(trend.publishedWeek()).isEqualTo(publishedWeek);
            assertThat(trend.beforePerWeek()).isCloseTo(averageByTables(need.id(), publishedWeek.minusWeeks(8),
                    publishedWeek), within(1e-9));
            assertThat(trend.afterPerWeek()).isCloseTo(averageByTables(need.id(), publishedWeek.plusWeeks(1),
                    thisWeek), within(1e-9));
            assertThat(trend.beforePerWeek()).isEqualTo(40 / 8.0);
            assertThat(trend.afterPerWeek()).isEqualTo(9 / 5.0);
            assertThat(trend.change()).isCloseTo(1.8 / 5.0 - 1, within(1e-9));
            assertThat(trend.falling()).isTrue();
        }
        assertThat(measures.fallingContacts()).containsKey(need.id()).doesNotContainKey(other.id());
    }

    /** Inbound contacts on the need's cases per week, straight from the tables. */
    private Map<LocalDate, Long> countedByTables(NeedId need) {
        Map<LocalDate, Long> counted = new java.util.HashMap<>();
        jdbc.sql("""
                select cast(date_trunc('week', c.occurred_at at time zone 'UTC') as date) as week, count(*) as n
                from contact_contact c join casework_case k on k.id = c.case_id
                where k.need_id = ? and c.direction = 'INBOUND' group by 1
                """).param(need.value())
                .query(rs -> {
                    counted.put(rs.getObject("week", LocalDate.class), rs.getLong("n"));
                });
        return counted;
    }

    /** Average inbound contacts per week over the whole weeks [from, to), straight from the tables. */
    private double averageByTables(NeedId need, LocalDate from, LocalDate to) {
        long n = jdbc.sql("""
                select count(*) from contact_contact c join casework_case k on k.id = c.case_id
                where k.need_id = ? and c.direction = 'INBOUND'
                  and c.occurred_at >= ? and c.occurred_at < ?
                """).params(need.value(), from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to.atStartOfDay().atOffset(ZoneOffset.UTC)).query(Long.class).single();
        return n / (double) Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() * 7;
    }

    /** Opens a case for the need in that week with {@code inbound} customer contacts and one reply. */
    private void plant(Customer customer, NeedId need, LocalDate week, int inbound, String suffix) {
        if (inbound == 0) {
            return;
        }
        Instant at = week.atTime(9, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofDays(1));
        CaseId opened = contacts.record(new NewContact(customer.id(), null, Channel.CHAT, Direction.INBOUND, at,
                "Trend " + suffix, "It happened again " + UUID.randomUUID(), null, null, need, null)).contact()
                .caseId();
        for (int i = 1; i < inbound; i++) {
            contacts.record(new NewContact(customer.id(), opened, Channel.CHAT, Direction.INBOUND,
                    at.plus(Duration.ofHours(i)), "Trend " + suffix, "Still broken " + UUID.randomUUID(), null, null,
                    null, null));
        }
        contacts.record(new NewContact(customer.id(), opened, Channel.CHAT, Direction.OUTBOUND,
                at.plus(Duration.ofMinutes(30)), "Trend " + suffix, "We are on it " + UUID.randomUUID(), "agent", null,
                null, null));
    }

    private static LocalDate monday(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
