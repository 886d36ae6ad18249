package io.repdesk.need;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/** Makes a unique need key from a title a person typed: lower-case words joined by dashes. */
public final class NeedKeysFor {

    private NeedKeysFor() {
    }

    public static String title(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = words.isEmpty() ? "need" : words.length() > 60 ? words.substring(0, 60) : words;
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
