package io.repdesk.web.insight;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.contact.Channel;
import io.repdesk.insight.Dashboards;
import io.repdesk.insight.InsightFilter;
import io.repdesk.need.DemandClass;
import io.repdesk.shared.InvalidInput;

/**
 * The date-range and filter bar every dashboard shares: reads the query parameters, explains a bad one beside its
 * field, and falls back to the last 12 weeks and no filter.
 */
final class DashboardFilter {

    /** Days shown when no range is chosen, today included. */
    static final int DEFAULT_DAYS = 84;

    static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();
    static final List<String> DEMAND_CLASSES = Arrays.stream(DemandClass.values()).map(Enum::name).toList();

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final InsightFilter filter;

    DashboardFilter(Map<String, String> params, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = date(params, "to", today);
        LocalDate from = date(params, "from", to.minusDays(DEFAULT_DAYS - 1));
        String channel = choice(params, "channel", CHANNELS);
        String demandClass = choice(params, "demandClass", DEMAND_CLASSES);
        String stage = choice(params, "stage", Dashboards.STAGES);
        InsightFilter chosen;
        try {
            chosen = new InsightFilter(from, to, channel, demandClass, stage);
        } catch (InvalidInput e) {
            errors.putIfAbsent(e.field(), "The range: " + e.field() + " " + e.reason());
            chosen = new InsightFilter(to.minusDays(DEFAULT_DAYS - 1), to, channel, demandClass, stage);
        }
        filter = chosen;
        values.put("from", params.getOrDefault("from", from.toString()));
        values.put("to", params.getOrDefault("to", to.toString()));
    }

    InsightFilter filter() {
        return filter;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** Messages by field, for the template: {@code ${errors['from']}}. */
    Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    /** What the fields show: the parameters as given. */
    Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** The filter as query parameters, for export links. */
    String query() {
        StringBuilder query = new StringBuilder("from=" + filter.from() + "&to=" + filter.to());
        append(query, "channel", filter.channel());
        append(query, "demandClass", filter.demandClass());
        append(query, "stage", filter.stage());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, @Nullable String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(value);
        }
    }

    private LocalDate date(Map<String, String> params, String field, LocalDate otherwise) {
        String text = params.get(field);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            errors.put(field, "'" + text + "' is not a date like 2026-11-23");
            return otherwise;
        }
    }

    private @Nullable String choice(Map<String, String> params, String field, List<String> allowed) {
        String text = params.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!allowed.contains(text.strip())) {
            errors.put(field, "'" + text + "' is not one of " + String.join(", ", allowed));
            return null;
        }
        values.put(field, text.strip());
        return text.strip();
    }
}
