package io.repdesk.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Builds the where clause of a filtered list query from optional filters; an absent filter adds nothing. */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" where true");
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, when value is present (enums by name, typed ids as UUIDs, instants in UTC). */
    public Where equal(String column, @Nullable Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        return clause(column + " = ?", jdbcValue(value));
    }

    /** {@code column >= value}, when value is present. */
    public Where atLeast(String column, @Nullable Instant value) {
        return value == null ? this : clause(column + " >= ?", jdbcValue(value));
    }

    /** {@code column < value}, when value is present. */
    public Where before(String column, @Nullable Instant value) {
        return value == null ? this : clause(column + " < ?", jdbcValue(value));
    }

    /** Any of the columns contains the text, ignoring case, when text is present. */
    public Where contains(@Nullable String text, String... columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> tests = new ArrayList<>();
        for (String column : columns) {
            tests.add(column + " ilike ?");
            params.add(like);
        }
        sql.append(" and (").append(String.join(" or ", tests)).append(")");
        return this;
    }

    /** A condition of its own, with its parameters. */
    public Where clause(String condition, Object... values) {
        sql.append(" and ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return List.copyOf(params);
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof TypedId id) {
            return id.value();
        }
        return value;
    }
}
