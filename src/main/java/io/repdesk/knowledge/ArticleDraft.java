package io.repdesk.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * What an author writes: the content of a new article or of its next version (Markdown in the text fields).
 *
 * @param note what changed, kept with the version; optional
 * @param organizationIds the organizations whose customers alone may read it; empty for every customer
 */
public record ArticleDraft(String title, String issue, String environment, String resolution, String cause,
        @Nullable String product, Audience audience, List<NeedId> needIds, @Nullable String note,
        List<OrganizationId> organizationIds) {

    /** A draft for every customer (or for agents only, when internal). */
    public ArticleDraft(String title, String issue, String environment, String resolution, String cause,
            @Nullable String product, Audience audience, List<NeedId> needIds, @Nullable String note) {
        this(title, issue, environment, resolution, cause, product, audience, needIds, note, List.of());
    }

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;

    public ArticleDraft {
        title = strip(title);
        issue = strip(issue);
        environment = strip(environment);
        resolution = strip(resolution);
        cause = strip(cause);
        product = product == null || product.isBlank() ? null : product.strip();
        note = note == null || note.isBlank() ? null : note.strip();
        needIds = List.copyOf(new java.util.LinkedHashSet<>(needIds));
        organizationIds = List.copyOf(new java.util.LinkedHashSet<>(organizationIds));
    }

    /** Every broken rule, by field: title, issue and resolution are required; lengths are capped. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "title", title, MAX_TITLE);
        required(problems, "issue", issue, MAX_TEXT);
        optional(problems, "environment", environment);
        required(problems, "resolution", resolution, MAX_TEXT);
        optional(problems, "cause", cause);
        if (product != null && product.length() > MAX_TITLE) {
            problems.put("product", "must be at most " + MAX_TITLE + " characters");
        }
        if (audience == Audience.INTERNAL && !organizationIds.isEmpty()) {
            problems.put("organizationIds", "only an article for customers can be limited to organizations");
        }
        if (note != null && note.length() > 1_000) {
            problems.put("note", "must be at most 1000 characters");
        }
        return problems;
    }

    /** Throws {@link InvalidInput} naming the first broken rule's field. */
    void validate() {
        List<Map.Entry<String, String>> all = new ArrayList<>(problems().entrySet());
        if (!all.isEmpty()) {
            throw new InvalidInput(all.getFirst().getKey(), all.getFirst().getValue());
        }
    }

    private static void required(Map<String, String> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.put(field, "must not be blank");
        } else if (value.length() > max) {
            problems.put(field, "must be at most " + max + " characters, not " + value.length());
        }
    }

    private static void optional(Map<String, String> problems, String field, String value) {
        if (value.length() > MAX_TEXT) {
            problems.put(field, "must be at most " + MAX_TEXT + " characters, not " + value.length());
        }
    }

    private static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
