package io.repdesk.casework;

/** The support level that holds a case; escalation moves it down this list. */
public enum Tier {
    TIER_1, TIER_2, TIER_3, ENGINEERING
}
