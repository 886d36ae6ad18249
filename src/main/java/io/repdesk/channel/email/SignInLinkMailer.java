package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.repdesk.channel.OutboundMail;
import io.repdesk.security.PortalSignInLinkRequested;

/** Mails a customer the portal sign-in link they asked for. */
@Component
class SignInLinkMailer {

    private final Outbox outbox;
    private final OutboundEmailSettings settings;
    private final Clock clock;

    SignInLinkMailer(Outbox outbox, OutboundEmailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(PortalSignInLinkRequested requested) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        long minutes = Math.max(1, Duration.between(now, requested.expiresAt()).toMinutes());
        String text = """
                Here is your link to sign in to %s:

                %s

                It works once, within the next %d minutes. If you did not ask to sign in, ignore this mail: \
                nobody can sign in without the link.
                """.formatted(settings.fromName(), requested.link(), minutes);
        String html = "<!DOCTYPE html><html><body><p>Here is your link to sign in to "
                + MailText.escape(settings.fromName()) + ":</p><p><a href=\"" + MailText.escape(requested.link())
                + "\">Sign in</a></p><p>It works once, within the next " + minutes
                + " minutes. If you did not ask to sign in, ignore this mail: nobody can sign in without the link.</p>"
                + "</body></html>";
        outbox.enqueue(new OutboundMail(UUID.randomUUID(), MailText.newMessageId(settings.messageIdDomain()),
                OutboundMail.Kind.NOTIFICATION, null, null, requested.email(), "Your sign-in link", text, html, null,
                List.of(), true, OutboundMail.Status.PENDING, 0, now, null, now, null));
    }
}
