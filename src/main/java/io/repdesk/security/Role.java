package io.repdesk.security;

import java.util.EnumSet;
import java.util.Set;

import static io.repdesk.security.Permission.ADMINISTER;
import static io.repdesk.security.Permission.CONFIGURE_SUPPORT;
import static io.repdesk.security.Permission.EDIT_CUSTOMERS;
import static io.repdesk.security.Permission.SHAPE_NEEDS;
import static io.repdesk.security.Permission.VIEW_REPORTS;
import static io.repdesk.security.Permission.VIEW_WORK;
import static io.repdesk.security.Permission.WORK_CASES;
import static io.repdesk.security.Permission.WRITE_KNOWLEDGE;

/**
 * What an agent account may do: each role is a fixed set of {@link Permission}s (docs/security.md has the
 * matrix). Customers sign in to the portal and API integrations use scoped tokens; neither has a role.
 */
public enum Role {

    TIER_1_AGENT("Tier-1 agent", EnumSet.of(VIEW_WORK, WORK_CASES, EDIT_CUSTOMERS)),
    TIER_2_AGENT("Tier-2 agent", EnumSet.of(VIEW_WORK, WORK_CASES, EDIT_CUSTOMERS, SHAPE_NEEDS, WRITE_KNOWLEDGE)),
    ENGINEER("Engineer", EnumSet.of(VIEW_WORK, WORK_CASES, SHAPE_NEEDS)),
    KNOWLEDGE_AUTHOR("Knowledge author", EnumSet.of(VIEW_WORK, WRITE_KNOWLEDGE)),
    ACCOUNT_MANAGER("Account manager", EnumSet.of(VIEW_WORK)),
    MANAGER("Manager", EnumSet.of(VIEW_WORK, WORK_CASES, EDIT_CUSTOMERS, SHAPE_NEEDS, WRITE_KNOWLEDGE, VIEW_REPORTS,
            CONFIGURE_SUPPORT)),
    ADMIN("Admin", EnumSet.of(VIEW_WORK, WORK_CASES, EDIT_CUSTOMERS, SHAPE_NEEDS, WRITE_KNOWLEDGE, VIEW_REPORTS,
            CONFIGURE_SUPPORT, ADMINISTER));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = Set.copyOf(permissions);
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The permissions in words, in the order of {@link Permission}. */
    public java.util.List<String> permissionNames() {
        return permissions.stream().sorted().map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .toList();
    }

    public boolean may(Permission permission) {
        return permission == Permission.ANYONE || permissions.contains(permission);
    }
}
