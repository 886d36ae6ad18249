package io.repdesk.shared;

/** Thrown when a referenced resource does not exist (or is not visible to the caller). */
public class NotFound extends RuntimeException {

    private final String resource;
    private final String field;

    public NotFound(String resource, Object id) {
        this(resource, resource + "Id", id);
    }

    public NotFound(String resource, String field, Object id) {
        super("No " + resource + " with id " + id);
        this.resource = resource;
        this.field = field;
    }

    public String resource() {
        return resource;
    }

    /** The input field that carried the unknown id. */
    public String field() {
        return field;
    }
}
