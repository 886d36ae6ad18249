package io.repdesk.channel.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.repdesk.shared.InvalidInput;

/** The rules a subscription's address must meet, for forms to check before anything else is asked. */
public final class TargetUrl {

    static final int MAX_LENGTH = 2000;

    private TargetUrl() {
    }

    /** Throws {@link InvalidInput} on {@code targetUrl} unless the text is an absolute http(s) address. */
    public static void check(String url) {
        String text = url.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidInput("targetUrl", "must be an http or https address of at most " + MAX_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInput("targetUrl", "is not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInput("targetUrl", "must be an http or https address with a host, such as "
                    + "https://example.com/repdesk-events");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput("targetUrl", "must not carry a user name or password; receivers check the "
                    + "signature instead");
        }
    }
}
