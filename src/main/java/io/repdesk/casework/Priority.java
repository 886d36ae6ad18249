package io.repdesk.casework;

/** How urgently a case needs attention. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
