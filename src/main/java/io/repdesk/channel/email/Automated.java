package io.repdesk.channel.email;

import java.util.List;

/**
 * Whether a message was sent by a machine rather than a person: a bounce or an auto-reply, which never
 * opens a case; {@link #PERSON} otherwise.
 *
 * @param mentions Message-IDs the message refers to (for a bounce: those of the message that bounced)
 */
record Automated(Kind kind, String detail, List<String> mentions) {

    static final Automated PERSON = new Automated(Kind.PERSON, "", List.of());

    enum Kind {
        PERSON, BOUNCE, AUTO_REPLY
    }

    boolean byMachine() {
        return kind != Kind.PERSON;
    }
}
