package io.repdesk.casework;

/**
 * A support level as this installation names and uses it.
 *
 * @param inUse whether cases can be escalated to it; tier 1 is always in use, since every case starts there
 */
public record TierLevel(Tier tier, String name, String description, boolean inUse) {
}
