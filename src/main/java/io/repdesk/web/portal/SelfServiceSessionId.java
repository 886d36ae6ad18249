package io.repdesk.web.portal;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/** The self-service session of a browser: one id per HTTP session, made when the portal first needs it. */
final class SelfServiceSessionId {

    static final String ATTRIBUTE = "repdesk.selfServiceSession";

    private SelfServiceSessionId() {
    }

    static UUID of(HttpSession session) {
        Object id = session.getAttribute(ATTRIBUTE);
        if (id instanceof UUID uuid) {
            return uuid;
        }
        UUID fresh = UUID.randomUUID();
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    /** The id when the browser has one already; a request filed without self-service has none. */
    static @org.jspecify.annotations.Nullable UUID existing(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof UUID uuid ? uuid : null;
    }
}
