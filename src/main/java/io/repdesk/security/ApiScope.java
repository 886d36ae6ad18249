package io.repdesk.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do; each API endpoint names the scopes it needs with {@link RequiresScope}. */
public enum ApiScope {

    CONTACTS_READ("contacts:read", "read contacts and customer timelines"),
    CONTACTS_WRITE("contacts:write", "record contacts from any channel"),
    CASES_READ("cases:read", "read cases, their SLA clocks, escalations and intake answers"),
    CASES_WRITE("cases:write", "link needs, change status, merge, escalate and answer intake on cases"),
    CUSTOMERS_READ("customers:read", "read customers and organizations"),
    CUSTOMERS_WRITE("customers:write", "register customers and organizations"),
    NEEDS_READ("needs:read", "read service needs"),
    NEEDS_WRITE("needs:write", "define, move and merge service needs"),
    SETTINGS_READ("settings:read", "read calendars, SLA policies, tiers, teams, escalation rules and intake flows"),
    SETTINGS_WRITE("settings:write", "change calendars, SLA policies, tiers, teams, escalation rules and intake flows"),
    WEBHOOKS_MANAGE("webhooks:manage", "create, change and test webhook subscriptions"),
    KNOWLEDGE_READ("knowledge:read", "read and search knowledge articles, their versions and measures"),
    KNOWLEDGE_WRITE("knowledge:write", "write, publish and archive knowledge articles; record their reuse");

    private final String value;
    private final String description;

    ApiScope(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The name tokens and documentation use, such as {@code contacts:write}. */
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** The scope with that name, if there is one. */
    public static Optional<ApiScope> named(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
