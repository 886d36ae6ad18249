package io.repdesk.knowledge;

import java.util.List;

import io.repdesk.shared.NeedId;

/** A small help centre of a card-and-app bank, each article about another problem; for relevance checks. */
final class ArticleFixtures {

    private ArticleFixtures() {
    }

    /** A public draft for the product, linked to no need. */
    static ArticleDraft draft(String product, String title, String issue, String resolution) {
        return new ArticleDraft(title, issue, "", resolution, "", product, Audience.PUBLIC, List.<NeedId>of(), null);
    }

    /** Twelve articles; their titles are the keys of {@link #QUESTIONS}. */
    static List<ArticleDraft> helpCentre(String product) {
        return List.of(
                draft(product, "Reset a forgotten passcode", "I forgot my passcode and can't sign in to the app.",
                        "Tap **Forgot passcode** on the sign-in screen and follow the email we send you."),
                draft(product, "Card not delivered yet", "My new card hasn't arrived in the post.",
                        "Cards arrive within 7 working days. After that, order a replacement in the app."),
                draft(product, "Declined card payment", "My card payment was declined at a shop.",
                        "Check the card is not frozen and that your balance covers the payment."),
                draft(product, "Top-up still pending", "My top-up by bank transfer is still pending.",
                        "Bank transfers take up to 2 working days to reach your balance."),
                draft(product, "Exchange rates explained", "Which exchange rate do I get when I pay abroad?",
                        "We use the interbank rate at the moment of payment, plus 0.5% at weekends."),
                draft(product, "Lost or stolen card", "I lost my card or someone stole it.",
                        "Freeze the card in the app at once, then order a new one."),
                draft(product, "Close your account", "I want to close my account.",
                        "Move your money out, then choose Close account under Settings."),
                draft(product, "Verify your identity", "How do I verify my identity?",
                        "Take a photo of your passport or ID card and a selfie in the app."),
                draft(product, "Refund not showing", "The shop refunded me but the money is not in my account.",
                        "Refunds take up to 5 working days to appear after the shop sends them."),
                draft(product, "Change your PIN", "How can I change the PIN of my card?",
                        "Change it at any ATM that offers PIN services."),
                draft(product, "Contactless does not work", "Contactless payments stopped working on my card.",
                        "Make one payment with the chip and PIN; contactless works again after that."),
                draft(product, "Transfer to another bank failed", "My transfer to another bank failed.",
                        "Check the IBAN and the recipient's name, then send it again."));
    }

    /** How customers ask, typos included, with the title of the article that answers them. */
    static final List<String[]> QUESTIONS = List.of(
            new String[] { "i forgot my pascode cant log in", "Reset a forgotten passcode" },
            new String[] { "my card still hasnt arived", "Card not delivered yet" },
            new String[] { "payment declined in the supermarket", "Declined card payment" },
            new String[] { "topup pending since yesterday", "Top-up still pending" },
            new String[] { "what rate do you use for currency when I'm abroad", "Exchange rates explained" },
            new String[] { "somebody stole my wallet with the card", "Lost or stolen card" },
            new String[] { "how do I delete my acount", "Close your account" },
            new String[] { "refund from shop not recieved", "Refund not showing" },
            new String[] { "tap to pay not working", "Contactless does not work" },
            new String[] { "bank transfer failed IBAN", "Transfer to another bank failed" });
}
