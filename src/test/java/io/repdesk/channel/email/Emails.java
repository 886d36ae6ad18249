package io.repdesk.channel.email;

import java.util.UUID;

/** Realistic raw emails for the tests, built as text the way mail programs write them. */
final class Emails {

    private Emails() {
    }

    static String newId() {
        return "<" + UUID.randomUUID() + "@mail.customer.test>";
    }

    /** A plain-text message; extra headers go in as written ("In-Reply-To: <...>"). */
    static String plain(String from, String subject, String messageId, String body, String... headers) {
        StringBuilder mail = new StringBuilder();
        mail.append("From: ").append(from).append('\n');
        mail.append("To: support@support.test\n");
        mail.append("Subject: ").append(subject).append('\n');
        if (messageId != null) {
            mail.append("Message-ID: ").append(messageId).append('\n');
        }
        mail.append("Date: Mon, 2 Nov 2026 09:30:00 +0000\n");
        for (String header : headers) {
            mail.append(header).append('\n');
        }
        mail.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n").append(body).append('\n');
        return mail.toString();
    }

    /** A delivery failure report for a message repdesk sent. */
    static String bounce(String returnedMessageId) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>
                To: support@support.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="bounce"

                --bounce
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --bounce
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customer.test
                Final-Recipient: rfc822; gone@customer.test
                Action: failed
                Status: 5.1.1
                --bounce
                Content-Type: text/rfc822-headers

                From: support@support.test
                To: gone@customer.test
                Message-ID: %s
                Subject: Re: [RD-1] Your case
                --bounce--
                """.formatted(newId(), returnedMessageId);
    }
}
