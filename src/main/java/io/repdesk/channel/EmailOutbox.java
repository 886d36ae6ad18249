package io.repdesk.channel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ContactId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** The mail repdesk sends: what waits, what went out, what failed and why. */
public interface EmailOutbox {

    /** Whether sending is configured ({@code repdesk.channel.email.outbound.host}). */
    boolean enabled();

    /** Mail, newest first, optionally of one status. */
    Page<OutboundMail> list(OutboundMail.@Nullable Status status, PageRequest page);

    /** How many mails are in each status. */
    Map<OutboundMail.Status, Long> counts();

    /** The mail that carries each of the given replies, for those that have one. */
    Map<ContactId, OutboundMail> forContacts(List<ContactId> contacts);

    /**
     * Puts a failed or waiting mail back in line to be sent at once.
     *
     * @throws io.repdesk.shared.NotFound when there is no such mail
     * @throws io.repdesk.shared.Conflict when it was sent already
     */
    void sendAgain(UUID id);

    /** Sends the mail that is due now, one after the other; returns how many went out. */
    int dispatchDue();
}
