package io.repdesk.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How one inbound mailbox fares on this node.
 *
 * @param server where it is read, {@code imaps://user@host:993/INBOX}, without the password
 * @param error the last error while the state is {@link State#ERROR}, concise
 * @param processed messages recorded as contacts since this node started
 * @param ignored bounces, auto-replies and unreadable messages set aside since this node started
 */
public record MailboxStatus(String name, String server, State state, @Nullable String error,
        @Nullable Instant lastPollAt, long processed, long ignored) {

    /** Where a mailbox's reader is. */
    public enum State {
        /** Not yet connected, or reconnecting. */
        CONNECTING,
        /** Connected and reading new mail. */
        CONNECTED,
        /** Connected and waiting for mail (IMAP IDLE or between polls). */
        IDLE,
        /** The last attempt failed; it is retried with backoff. */
        ERROR,
        /** Stopped with the application. */
        STOPPED
    }
}
