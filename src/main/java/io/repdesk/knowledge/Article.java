package io.repdesk.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * A knowledge article in its current version. The text fields are Markdown.
 *
 * @param number the short reference agents quote ({@code KB-12})
 * @param issue the problem in the customer's words
 * @param environment where it happens: product, version, platform, configuration
 * @param resolution what makes the problem go away (or the workaround)
 * @param cause why it happens, when known
 * @param product the product it concerns, for filtering; null for any
 * @param version the number of saved versions; each save adds one
 * @param organizationIds the organizations whose signed-in customers alone may read it; empty for every customer
 */
public record Article(ArticleId id, long number, String title, String issue, String environment, String resolution,
        String cause, @Nullable String product, Audience audience, ArticleState state, int version,
        List<NeedId> needIds, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        @Nullable Instant publishedAt, @Nullable String publishedBy, List<OrganizationId> organizationIds) {

    public Article {
        organizationIds = List.copyOf(organizationIds);
    }

    public String reference() {
        return "KB-" + number;
    }

    public boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }

    /** Whether only the customers of some organizations may read it. */
    public boolean isForOrganizations() {
        return !organizationIds.isEmpty();
    }

    /**
     * Whether a customer may read it: published, for customers, and either for everyone or for the reader's
     * organization.
     *
     * @param organization the signed-in customer's organization; null for anyone else
     */
    public boolean readableBy(@Nullable OrganizationId organization) {
        return isPublished() && audience == Audience.PUBLIC
                && (organizationIds.isEmpty() || organization != null && organizationIds.contains(organization));
    }
}
