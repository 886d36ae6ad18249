package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteStripperTests {

    @Test
    void cutsGmailAttributionAndQuotedLines() {
        String reply = """
                Hi, the top-up still fails after the update.

                On Mon, 3 Nov 2026 at 10:02, Lumen Support <support@lumen.example> wrote:
                > Could you try again after updating the app?
                >
                > Thanks, Lumen Support
                """;

        assertThat(QuoteStripper.strip(reply, false)).isEqualTo("Hi, the top-up still fails after the update.");
    }

    @Test
    void cutsAnAttributionThatTheMailProgramWrapped() {
        String reply = """
                Still broken.

                On Mon, 3 Nov 2026 at 10:02, Lumen Support Team of the Lumen Bank App <
                support@lumen.example> wrote:
                > Please update.
                """;

        assertThat(QuoteStripper.strip(reply, false)).isEqualTo("Still broken.");
    }

    @Test
    void cutsOutlookOriginalMessageAndHeaderBlocks() {
        String original = """
                The card was charged twice.

                -----Original Message-----
                From: Lumen Support <support@lumen.example>
                Sent: Monday, November 3, 2026 10:02 AM
                To: Jane Doe
                Subject: RE: Double charge
                """;
        String headerBlock = """
                Here is the screenshot.

                ________________________________
                From: Lumen Support <support@lumen.example>
                Sent: Monday, November 3, 2026 10:02
                To: Jane Doe <jane@example.com>
                Subject: [RD-1042] Double charge

                Please send a screenshot.
                """;

        assertThat(QuoteStripper.strip(original, false)).isEqualTo("The card was charged twice.");
        assertThat(QuoteStripper.strip(headerBlock, false)).isEqualTo("Here is the screenshot.");
    }

    @Test
    void cutsSignaturesAfterTheDelimiterAndMobileFooters() {
        String delimited = "The export button is missing.\n\n-- \nJane Doe\nHead of Finance, Acme\n+44 20 7946 0000\n";
        String mobile = "Can't log in since this morning.\n\nSent from my iPhone\n";

        assertThat(QuoteStripper.strip(delimited, false)).isEqualTo("The export button is missing.");
        assertThat(QuoteStripper.strip(mobile, false)).isEqualTo("Can't log in since this morning.");
    }

    @Test
    void cutsAShortSignatureAfterACommonSignOff() {
        String text = """
                Hello,

                The statement PDF shows last month's balance.

                Kind regards,
                Jane Doe
                Acme Ltd
                """;

        assertThat(QuoteStripper.strip(text, false)).isEqualTo("Hello,\n\nThe statement PDF shows last month's balance.");
    }

    @Test
    void keepsInlineAnswersBetweenQuotedLines() {
        String text = """
                > Which version do you run?
                5.2 on Android.
                > Did it work before?
                Yes, until Friday.
                """;

        assertThat(QuoteStripper.strip(text, false)).isEqualTo("5.2 on Android.\nYes, until Friday.");
    }

    @Test
    void keepsTheHistoryOfAForwardedMessage() {
        String text = """
                See below, this is what my colleague got.

                ---------- Forwarded message ---------
                From: Bank <noreply@lumen.example>
                Date: Mon, 3 Nov 2026
                Subject: Payment failed
                To: Tom <tom@example.com>

                Your payment of 20 EUR failed.
                """;

        assertThat(QuoteStripper.strip(text, true)).contains("Your payment of 20 EUR failed.")
                .contains("See below");
    }

    @Test
    void keepsTheWholeTextWhenCuttingWouldLeaveNothing() {
        String text = "> only a quote\n> nothing new";

        assertThat(QuoteStripper.strip(text, false)).isEqualTo(text);
    }

    @Test
    void keepsSignOffWordsInsideTheMessage() {
        String text = "Thanks for the quick answer, but the app still crashes when I open Payments.";

        assertThat(QuoteStripper.strip(text, false)).isEqualTo(text);
    }
}
