package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EmailParserTests {

    @Test
    void readsEncodedHeadersAndPrefersThePlainAlternative() {
        ParsedEmail email = parse("""
                From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.de>
                To: support@lumen.example
                Subject: =?UTF-8?B?w5xiZXJ3ZWlzdW5nIGZlaGxnZXNjaGxhZ2Vu?=
                Message-ID: <abc123@mail.example.de>
                In-Reply-To: <out-2@lumen.example>
                References: <out-1@lumen.example> <out-2@lumen.example>
                Date: Mon, 3 Nov 2026 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Die =DCberweisung ist fehlgeschlagen.
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>Die <b>Überweisung</b> ist fehlgeschlagen.</p>
                --b1--
                """);

        assertThat(email.fromName()).isEqualTo("Jörg Müller");
        assertThat(email.fromAddress()).isEqualTo("joerg@example.de");
        assertThat(email.subject()).isEqualTo("Überweisung fehlgeschlagen");
        assertThat(email.messageId()).isEqualTo("<abc123@mail.example.de>");
        assertThat(email.threadIds()).containsExactly("<out-2@lumen.example>", "<out-1@lumen.example>");
        assertThat(email.text()).isEqualTo("Die Überweisung ist fehlgeschlagen.");
        assertThat(email.html()).contains("<b>Überweisung</b>");
        assertThat(email.damage()).isEmpty();
        assertThat(email.automated().byMachine()).isFalse();
    }

    @Test
    void derivesTextFromHtmlWhenThereIsNoPlainPart() {
        ParsedEmail email = parse("""
                From: ann@example.com
                Subject: Crash
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style><script>alert(1)</script></head>
                <body><p>The app crashes &amp; closes.</p><ul><li>Android 14</li><li>App 5.2</li></ul>
                <div class="gmail_quote">On Mon, 3 Nov 2026, Support wrote:<blockquote>Please update.</blockquote></div>
                </body></html>
                """);

        assertThat(email.text()).contains("The app crashes & closes.").contains("- Android 14")
                .contains("> Please update.").doesNotContain("alert").doesNotContain("color:red");
        assertThat(QuoteStripper.strip(email.text(), false)).isEqualTo("The app crashes & closes.\n\n- Android 14\n- App 5.2");
    }

    @Test
    void readsWindows1252LabelledAsLatin1AndGuessesAMissingCharset() {
        byte[] latin = bytes("From: a@example.com\nSubject: Quotes\nContent-Type: text/plain; charset=iso-8859-1\n\n",
                "It costs \u20ac20 \u2013 \u201cfees\u201d", Charset.forName("windows-1252"));
        byte[] unlabelled = bytes("From: a@example.com\nSubject: Umlaut\n\n", "Grüße", StandardCharsets.UTF_8);

        assertThat(EmailParser.parse(latin).text()).isEqualTo("It costs \u20ac20 \u2013 \u201cfees\u201d");
        assertThat(EmailParser.parse(unlabelled).text()).isEqualTo("Grüße");
    }

    @Test
    void keepsInlineImagesAttachmentsAndForwardedMessages() throws IOException {
        ParsedEmail email = parse("""
                From: Tom <tom@example.com>
                Subject: Fwd: Payment failed
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=UTF-8

                <p>See <img src="cid:shot1@example.com"></p>
                --rel
                Content-Type: image/png
                Content-ID: <shot1@example.com>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --outer
                Content-Type: application/pdf; name="statement.pdf"
                Content-Disposition: attachment; filename="statement.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer
                Content-Type: message/rfc822

                From: Bank <noreply@lumen.example>
                Subject: Payment failed
                Message-ID: <inner-1@lumen.example>

                Your payment of 20 EUR failed.
                --outer--
                """);

        assertThat(email.parts()).extracting(EmailPart::filename, EmailPart::mediaType, EmailPart::contentId,
                EmailPart::inline).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shot1@example.com.png", "image/png", "shot1@example.com", true),
                        org.assertj.core.groups.Tuple.tuple("statement.pdf", "application/pdf", null, false),
                        org.assertj.core.groups.Tuple.tuple("Payment failed.eml", "message/rfc822", null, false));
        try (InputStream pdf = email.parts().get(1).content().open()) {
            assertThat(new String(pdf.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        }
        assertThat(email.forwarded()).isTrue();
        assertThat(email.text()).contains("See").contains("Forwarded message").contains("Your payment of 20 EUR failed.");
    }

    @Test
    void readsWhatItCanOfABrokenBoundaryABadCharsetAndMissingHeaders() {
        ParsedEmail broken = parse("""
                From: a@example.com
                Subject: Broken
                Content-Type: multipart/mixed; boundary="declared"

                --other
                Content-Type: text/plain

                The text is still here.
                --other--
                """);
        ParsedEmail badCharset = parse("""
                From: b@example.com
                Content-Type: text/plain; charset=x-no-such-charset

                Plain words survive.
                """);
        ParsedEmail bare = parse("""
                Just a body and no headers worth the name.
                """);

        assertThat(broken.text()).contains("The text is still here.");
        assertThat(broken.damage()).isNotEmpty();
        assertThat(badCharset.text()).isEqualTo("Plain words survive.");
        assertThat(badCharset.subject()).isEqualTo(ParsedEmail.NO_SUBJECT);
        assertThat(badCharset.damage()).anyMatch(d -> d.contains("x-no-such-charset"));
        assertThat(bare.fromAddress()).isNull();
        assertThat(bare.messageId()).isNull();
    }

    @Test
    void anEmptyMessageIsUnreadable() {
        assertThatThrownBy(() -> EmailParser.parse(new byte[0])).isInstanceOf(UnreadableEmail.class);
    }

    @Test
    void recognisesBouncesWithTheMessageTheyReturn() {
        ParsedEmail bounce = parse("""
                From: Mail Delivery Subsystem <mailer-daemon@mx.example.com>
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Status: 5.1.1
                --r
                Content-Type: text/rfc822-headers

                Message-ID: <reply-7@lumen.example>
                Subject: Re: [RD-1042] Double charge
                --r--
                """);

        assertThat(bounce.automated().kind()).isEqualTo(Automated.Kind.BOUNCE);
        assertThat(bounce.automated().mentions()).contains("<reply-7@lumen.example>");
    }

    @Test
    void recognisesAutoRepliesButNotSuppressionRequests() {
        ParsedEmail outOfOffice = parse("From: a@example.com\nAuto-Submitted: auto-replied\nSubject: Out of office\n\nAway.\n");
        ParsedEmail bulk = parse("From: a@example.com\nPrecedence: bulk\nSubject: Newsletter\n\nNews.\n");
        ParsedEmail exchange = parse("From: a@example.com\nX-Autoreply: yes\nSubject: Away\n\nAway.\n");
        ParsedEmail person = parse("From: a@example.com\nX-Auto-Response-Suppress: All\nAuto-Submitted: no\n"
                + "Subject: Real question\n\nWhy is my card blocked?\n");

        assertThat(outOfOffice.automated().kind()).isEqualTo(Automated.Kind.AUTO_REPLY);
        assertThat(bulk.automated().kind()).isEqualTo(Automated.Kind.AUTO_REPLY);
        assertThat(exchange.automated().kind()).isEqualTo(Automated.Kind.AUTO_REPLY);
        assertThat(person.automated().byMachine()).isFalse();
    }

    static ParsedEmail parse(String message) {
        return EmailParser.parse(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String headers, String body, Charset charset) {
        byte[] head = headers.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] text = body.getBytes(charset);
        byte[] all = new byte[head.length + text.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(text, 0, all, head.length, text.length);
        return all;
    }
}
