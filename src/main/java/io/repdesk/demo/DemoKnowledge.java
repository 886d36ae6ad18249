package io.repdesk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.Audience;
import io.repdesk.shared.NeedId;

/**
 * The demo's help centre: a handful of published articles for common needs, written six weeks before the
 * demo's today so the need pages show cases per week before and after, and one internal article and one
 * draft so the workspace shows every state.
 */
@Component
class DemoKnowledge {

    static final int PUBLISHED_WEEKS_AGO = 6;
    static final String PRODUCT = "Lumen";

    private final ArticleManagement articles;

    DemoKnowledge(ArticleManagement articles) {
        this.articles = articles;
    }

    void load(Map<String, NeedId> needs, LocalDate today) {
        Instant written = today.minusWeeks(PUBLISHED_WEEKS_AGO).atStartOfDay().toInstant(ZoneOffset.UTC);
        publish(needs, "card_arrival", written, "When your new card will arrive",
                "My card hasn't arrived yet.", "Cards ordered in the app, any plan.",
                "Cards arrive within **7 working days** of ordering.\n\n1. Check the delivery address under "
                        + "*Settings › Profile*.\n2. After 7 working days, tap *Card › Report not received* to order "
                        + "a free replacement.", "Post can take longer around holidays.");
        publish(needs, "passcode_forgotten", written, "Reset a forgotten passcode",
                "I forgot my passcode and can't sign in.", "Lumen app on Android and iOS.",
                "On the sign-in screen tap **Forgot passcode**, confirm the code we email you, and choose a new "
                        + "passcode.", "");
        publish(needs, "pending_top_up", written, "Why a top-up is still pending",
                "My top-up is still pending.", "Top-ups by bank transfer.",
                "Bank transfers take up to **2 working days**. Top-ups by card arrive at once; if one is pending "
                        + "for more than an hour, cancel it in the app and try again.", "");
        publish(needs, "lost_or_stolen_card", written, "Lost or stolen card",
                "I lost my card or it was stolen.", "",
                "Freeze the card at once under *Card › Freeze*, then order a new one. Frozen cards cannot be used "
                        + "by anyone.", "");
        publish(needs, "exchange_rate", written, "Which exchange rate you get",
                "What exchange rate will I get?", "",
                "We use the interbank rate at the moment you pay or exchange; at weekends a 0.5 % mark-up applies.",
                "");
        if (needs.containsKey("pin_blocked")) {
            var internal = articles.create(new ArticleDraft("Unblocking a PIN for a customer",
                    "My PIN is blocked.", "Back office", "Check the customer's identity, then reset the counter "
                            + "under *Cards › PIN tries*. Never read the PIN out.", "", PRODUCT, Audience.INTERNAL,
                    List.of(needs.get("pin_blocked")), null), written);
            articles.publish(internal.id(), written);
        }
        if (needs.containsKey("contactless_not_working")) {
            articles.create(new ArticleDraft("Contactless stopped working", "Contactless payments don't work.", "",
                    "Make one chip-and-PIN payment; contactless works again after that.", "", PRODUCT, Audience.PUBLIC,
                    List.of(needs.get("contactless_not_working")), "first draft"), written);
        }
    }

    private void publish(Map<String, NeedId> needs, String key, Instant at, String title, String issue,
            String environment, String resolution, String cause) {
        NeedId need = needs.get(key);
        if (need == null) {
            return;
        }
        var draft = articles.create(new ArticleDraft(title, issue, environment, resolution, cause, PRODUCT,
                Audience.PUBLIC, List.of(need), null), at);
        articles.publish(draft.id(), at);
    }
}
