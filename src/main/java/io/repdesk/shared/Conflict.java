package io.repdesk.shared;

/** Thrown when a request is valid but clashes with the current state (409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
