package io.repdesk.shared;

import java.security.SecureRandom;

/** Unguessable text for tokens and secrets: letters and digits only, so it survives any header or form. */
public final class RandomText {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {
    }

    /** {@code length} characters drawn from 62, about 5.95 random bits each. */
    public static String base62(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return text.toString();
    }
}
