package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.repdesk.channel.OutboundMail;
import io.repdesk.prevent.NoticeRequested;

/** Queues each proactive notice in the outbox, in the transaction that records it, with its opt-out link. */
@Component
class NoticeMailer {

    private final Outbox outbox;
    private final OutboundEmailSettings settings;
    private final Clock clock;

    NoticeMailer(Outbox outbox, OutboundEmailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(NoticeRequested notice) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        String html = "<!DOCTYPE html><html><body><p>" + MailText.escape(notice.text()).replace("\n", "<br>")
                + "</p><p><a href=\"" + MailText.escape(notice.optOutLink()) + "\">Stop these notices</a></p>"
                + "</body></html>";
        outbox.enqueue(new OutboundMail(UUID.randomUUID(), MailText.newMessageId(settings.messageIdDomain()),
                OutboundMail.Kind.NOTIFICATION, null, null, notice.email(), notice.subject(), notice.text(), html,
                null, List.of(), true, OutboundMail.Status.PENDING, 0, now, null, now, null));
    }
}
