package io.repdesk.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Contact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.Organization;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.Page;

/** The JSON shapes the API returns; ids are plain strings so clients need no wrapper types. */
final class ApiViews {

    private ApiViews() {
    }

    record PageView<T>(List<T> items, int page, int size, long total, boolean hasNext) {

        static <D, T> PageView<T> of(Page<D> page, java.util.function.Function<D, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total(),
                    page.hasNext());
        }
    }

    record OrganizationView(String id, String name, @Nullable String plan, Instant createdAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id().toString(), o.name(), o.plan(), o.createdAt());
        }
    }

    record EnvironmentView(@Nullable String product, @Nullable String version, @Nullable String platform,
            @Nullable String plan, @Nullable String region, Map<String, String> attributes) {

        static EnvironmentView of(EnvironmentProfile e) {
            return new EnvironmentView(e.product(), e.version(), e.platform(), e.plan(), e.region(), e.attributes());
        }
    }

    record CustomerView(String id, @Nullable String organizationId, String name, String email,
            EnvironmentView environment, @Nullable String accountManager, Instant createdAt) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id().toString(), c.organizationId() == null ? null : c.organizationId().toString(),
                    c.name(), c.email(), EnvironmentView.of(c.environment()), c.accountManager(), c.createdAt());
        }
    }

    record NeedView(String id, String key, String title, String description, String stage, String demandClass,
            @Nullable String workaround, Instant createdAt, Instant updatedAt) {

        static NeedView of(ServiceNeed n) {
            return new NeedView(n.id().toString(), n.key(), n.title(), n.description(), n.stage().name(),
                    n.demandClass().name(), n.workaround(), n.createdAt(), n.updatedAt());
        }
    }

    record ContactView(String id, String customerId, String caseId, String channel, String direction,
            Instant occurredAt, String subject, String body, String author, String idempotencyKey, Instant recordedAt) {

        static ContactView of(Contact c) {
            return new ContactView(c.id().toString(), c.customerId().toString(), c.caseId().toString(),
                    c.channel().name(), c.direction().name(), c.occurredAt(), c.subject(), c.body(), c.author(),
                    c.idempotencyKey(), c.recordedAt());
        }
    }

    record RecordedView(ContactView contact, boolean duplicate) {
    }

    record SuggestionView(String needId, float confidence) {
    }

    /** What matching said about a case: suggestions best first, and the new-need score (0.5 = flagged new). */
    record MatchView(List<SuggestionView> suggestions, @Nullable Float newNeedScore, @Nullable Instant matchedAt) {

        static MatchView of(io.repdesk.casework.CaseMatch m) {
            return new MatchView(m.suggestions().stream()
                    .map(s -> new SuggestionView(s.needId().toString(), s.confidence())).toList(), m.newNeedScore(),
                    m.matchedAt());
        }
    }

    record CaseView(String id, String reference, String customerId, String subject, String status, String priority,
            String tier, @Nullable String assignee, @Nullable String needId, @Nullable String needLinkedBy,
            boolean needConfirmed, @Nullable Float needConfidence, int contactCount, Instant openedAt,
            Instant lastContactAt, Instant updatedAt, @Nullable List<ContactView> contacts, @Nullable MatchView match) {

        static CaseView of(SupportCase c) {
            return of(c, null, null);
        }

        static CaseView of(SupportCase c, @Nullable List<ContactView> contacts, @Nullable MatchView match) {
            return new CaseView(c.id().toString(), c.reference(), c.customerId().toString(), c.subject(),
                    c.status().name(), c.priority().name(), c.tier().name(), c.assignee(),
                    c.needId() == null ? null : c.needId().toString(), c.needLinkedBy(), c.needConfirmed(),
                    c.needConfidence(), c.contactCount(), c.openedAt(), c.lastContactAt(), c.updatedAt(), contacts,
                    match);
        }
    }
}
