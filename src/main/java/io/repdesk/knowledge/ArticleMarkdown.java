package io.repdesk.knowledge;

import java.util.List;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an article's Markdown into HTML that is safe to put in a page: raw HTML in the Markdown is escaped
 * rather than passed through, link targets other than http, https and mailto are dropped, and the result
 * goes through an allow-list sanitizer as well, so script, event handlers and styles never survive.
 */
public final class ArticleMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
                    "em", "strong", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .toFactory();

    private ArticleMarkdown() {
    }

    /** Safe HTML for the Markdown. */
    public static String html(String markdown) {
        Node document = PARSER.parse(markdown);
        return POLICY.sanitize(RENDERER.render(document));
    }

    /** The words of the Markdown without its markup, for snippets and plain-text replies. */
    public static String text(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).strip();
    }

    /** An article as one plain-text answer an agent can put in a reply. */
    public static String replyText(Article article) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(article.title());
        parts.add(text(article.resolution()));
        if (!article.cause().isBlank()) {
            parts.add("Why this happens: " + text(article.cause()));
        }
        parts.add("(" + article.reference() + ")");
        return String.join("\n\n", parts);
    }
}
