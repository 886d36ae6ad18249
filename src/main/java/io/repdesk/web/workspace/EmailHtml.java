package io.repdesk.web.workspace;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes an email's HTML safe to show in the workspace with the OWASP sanitizer: text formatting, lists, tables,
 * links (http, https and mailto only, with rel="nofollow noopener noreferrer") and images that the email itself
 * carries ({@code cid:} parts, rewritten to their download address, or small {@code data:} images). Scripts,
 * event handlers, styles, forms, frames and remote images are dropped.
 */
final class EmailHtml {

    private static final Pattern LINK = Pattern.compile("^(?i)(https?:|mailto:)[^\\s]*$");

    private static final Pattern DATA_IMAGE = Pattern.compile(
            "^(?i)data:image/(png|gif|jpeg|webp);base64,[a-z0-9+/=\\s]+$");

    private static final String[] ELEMENTS = { "p", "div", "span", "br", "hr", "b", "i", "u", "strong", "em", "s",
        "strike", "sub", "sup", "small", "big", "blockquote", "pre", "code", "tt", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "center",
        "font", "a", "img", "abbr", "cite", "q", "address", "del", "ins", "mark" };

    private EmailHtml() {
    }

    /**
     * The sanitized HTML.
     *
     * @param inlineImage the address of the file with a given Content-ID, or null when the email has none
     */
    static String sanitize(String html, Function<String, @Nullable String> inlineImage) {
        AttributePolicy imageSource = (element, attribute, value) -> {
            String src = value.strip();
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                return inlineImage.apply(src.substring(4));
            }
            return DATA_IMAGE.matcher(src).matches() ? src : null;
        };
        PolicyFactory policy = new HtmlPolicyBuilder()
                .allowElements(ELEMENTS)
                .allowUrlProtocols("http", "https", "mailto", "cid", "data")
                .allowAttributes("href").matching((element, attribute, value) ->
                        LINK.matcher(value.strip()).matches() ? value.strip() : null).onElements("a")
                .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                .allowAttributes("src").matching(imageSource).onElements("img")
                .allowAttributes("alt", "width", "height").onElements("img")
                .allowAttributes("colspan", "rowspan").onElements("td", "th")
                .allowAttributes("title").globally()
                .toFactory();
        return policy.sanitize(html);
    }
}
