package io.repdesk.web.portal;

/** A refused form field and why, shown beside the field. */
record PortalError(String field, String message) {

    public boolean on(String name) {
        return field.equals(name);
    }
}
