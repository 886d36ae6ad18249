package io.repdesk.channel.email;

/** The bytes received are not an email that can be read at all; the message is kept as ignored. */
class UnreadableEmail extends RuntimeException {

    UnreadableEmail(String reason) {
        super(reason);
    }
}
