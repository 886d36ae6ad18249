package io.repdesk.contact;

/** Where a contact came from or went to. */
public enum Channel {
    EMAIL, PORTAL, CHAT, PHONE, SOCIAL, API
}
