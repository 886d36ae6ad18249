package io.repdesk.channel.email;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from an email's HTML body, for a message that has no plain part: block elements become line
 * breaks, quoted blocks become "&gt; " lines (so that {@link QuoteStripper} can cut them), scripts and styles
 * are dropped, entities decoded. Only for reading and matching; the HTML itself is shown through a sanitizer.
 */
final class HtmlText {

    /**
     * A comment, CDATA section, declaration, processing instruction or tag. Each alternative ends at its own end,
     * at the next {@code <} or at the end of the text, so that a page of unclosed {@code <a} or {@code <!--} is
     * read in linear time rather than searched to its end from every {@code <}: an unclosed comment runs to the
     * end (as in a browser), an unclosed tag is text.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?(?:-->|\\z)|<!\\[CDATA\\[.*?(?:]]>|\\z)|<![^<>]*+>|<\\?[^<>]*+>"
                    + "|<(/?)([a-zA-Z][a-zA-Z0-9]*+)\\b(?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+>",
            Pattern.DOTALL);

    /**
     * Quote marks written for nested quotes at most: enough to show the nesting, and a thousand nested
     * blockquotes cannot turn each line break into thousands of characters.
     */
    private static final int MAX_QUOTE_MARKS = 8;

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");

    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd", "address");

    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("euro", "€"),
            Map.entry("pound", "£"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"),
            Map.entry("ccedil", "ç"), Map.entry("zwnj", ""), Map.entry("zwj", ""), Map.entry("shy", ""));

    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(html);
        int at = 0;
        int skipping = 0;
        int quoteDepth = 0;
        int pre = 0;
        while (m.find()) {
            if (skipping == 0) {
                text(out, html.substring(at, m.start()), pre > 0);
            }
            at = m.end();
            String name = m.group(2);
            if (name == null) {
                continue;
            }
            name = name.toLowerCase(java.util.Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (SKIPPED.contains(name)) {
                skipping = Math.max(0, skipping + (closing ? -1 : 1));
                continue;
            }
            if (skipping > 0) {
                continue;
            }
            switch (name) {
                case "br" -> out.append('\n');
                case "li" -> out.append(closing ? "" : "\n- ");
                case "td", "th" -> out.append(closing ? "" : " ");
                case "blockquote" -> {
                    quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
                    out.append('\n');
                }
                case "pre" -> {
                    pre = Math.max(0, pre + (closing ? -1 : 1));
                    out.append('\n');
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        out.append('\n');
                    }
                }
            }
            if (quoteDepth > 0 && out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
                out.append("> ".repeat(Math.min(quoteDepth, MAX_QUOTE_MARKS)));
            }
        }
        if (skipping == 0) {
            text(out, html.substring(at), pre > 0);
        }
        return tidy(out.toString());
    }

    private static void text(StringBuilder out, String raw, boolean preformatted) {
        String decoded = decode(preformatted ? raw : raw.replaceAll("[ \\t\\r\\n\\f]+", " "));
        out.append(decoded);
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : "\uFFFD";
        }
        return NAMED.getOrDefault(name, whole);
    }

    /** One space at most between words, no spaces at line ends, no more than one blank line in a row. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            String trimmed = line.strip();
            boolean empty = trimmed.isEmpty();
            if (empty) {
                if (++blank > 1 || out.isEmpty()) {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.append(trimmed).append('\n');
        }
        return out.toString().strip();
    }
}
