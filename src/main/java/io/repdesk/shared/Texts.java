package io.repdesk.shared;

/** Small text helpers used when echoing input back in messages. */
public final class Texts {

    private Texts() {
    }

    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
