package io.repdesk.contact;

/**
 * The outcome of recording a contact.
 *
 * @param duplicate true when this delivery repeated one already stored; the stored contact is returned
 */
public record Recorded(Contact contact, boolean duplicate) {
}
