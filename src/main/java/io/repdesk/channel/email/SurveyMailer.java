package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.repdesk.channel.OutboundMail;
import io.repdesk.insight.SurveyInvitation;

/** Queues the satisfaction survey for a resolved case in the outbox, in the transaction that records it. */
@Component
class SurveyMailer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Outbox outbox;
    private final OutboundEmailSettings settings;
    private final Clock clock;

    SurveyMailer(Outbox outbox, OutboundEmailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(SurveyInvitation survey) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        String until = DAY.format(survey.expiresAt());
        String text = """
                Hello %s,

                your request %s "%s" is resolved. How satisfied are you with the help you got? \
                One click, from 1 to 5, and a comment if you like:

                %s

                The link works until %s.
                """.formatted(survey.name(), survey.reference(), survey.subject(), survey.link(), until);
        String html = "<!DOCTYPE html><html><body><p>Hello " + MailText.escape(survey.name()) + ",</p><p>your request "
                + MailText.escape(survey.reference()) + " \u201c" + MailText.escape(survey.subject())
                + "\u201d is resolved. How satisfied are you with the help you got?</p><p><a href=\""
                + MailText.escape(survey.link()) + "\">Rate the help you got</a></p><p>The link works until "
                + until + ".</p></body></html>";
        outbox.enqueue(new OutboundMail(UUID.randomUUID(), MailText.newMessageId(settings.messageIdDomain()),
                OutboundMail.Kind.NOTIFICATION, null, null, survey.email(), "How did we do on " + survey.reference()
                        + "?", text, html, null, List.of(), true, OutboundMail.Status.PENDING, 0, now, null, now, null));
    }
}
