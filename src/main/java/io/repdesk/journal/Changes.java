package io.repdesk.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The journal's convention for a changed thing: its facts as they are now, and a {@code before} object. */
public final class Changes {

    private Changes() {
    }

    /**
     * The facts after a change, with {@code before} holding the earlier value of each fact that changed (compared
     * as text); nothing is added when nothing changed or there was nothing before.
     */
    public static Map<String, Object> withBefore(Map<String, ?> after, Map<String, ?> before) {
        Map<String, Object> facts = new LinkedHashMap<>(after);
        Map<String, Object> changed = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!Objects.equals(String.valueOf(value), String.valueOf(after.get(key)))) {
                changed.put(key, value);
            }
        });
        if (!changed.isEmpty()) {
            facts.put("before", changed);
        }
        return facts;
    }
}
