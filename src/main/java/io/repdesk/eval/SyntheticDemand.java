package io.repdesk.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Made-up but plausible support demand for benchmarks, about no product in particular: need titles
 * built from a thing, a problem and a circumstance, contacts that word a need in a customer's way, and
 * a Zipf-like spread of contacts over needs (a few needs are common, most are rare). Deterministic for
 * a seed.
 */
final class SyntheticDemand {

    private static final String[] THINGS = { "invoice", "password reset", "order", "subscription", "delivery",
            "refund", "account", "payment card", "mobile app", "monthly report", "data export", "login",
            "notification", "bank transfer", "API key", "licence", "user invite", "calendar sync", "search",
            "file upload", "dashboard", "shipping label", "discount code", "loyalty points", "two-factor code",
            "profile photo", "contract", "receipt", "direct debit", "price plan", "trial", "team workspace",
            "email alert", "single sign-on", "printer driver", "webhook", "CSV import", "chat widget",
            "appointment booking", "gift card", "tax form", "warranty claim", "return label", "device pairing",
            "backup", "audit log", "language setting", "address change", "phone number", "SIM card" };
    private static final String[] PROBLEMS = { "is missing", "cannot be changed", "shows the wrong amount",
            "fails with an error", "was charged twice", "never arrived", "is stuck in pending",
            "keeps timing out", "was cancelled without warning", "shows someone else's details",
            "is much slower than before", "does not load", "was rejected", "cannot be found",
            "shows an outdated status", "sends duplicates", "expired too early", "is in the wrong currency",
            "cannot be deleted", "logs me out", "lost my settings", "asks for a code I never get",
            "is blocked", "shows a blank page", "has the wrong date", "cannot be downloaded",
            "is greyed out", "crashes on opening", "was applied twice", "does not match my records",
            "needs a manager's approval I cannot give", "says my limit is reached", "was sent to the old address",
            "cannot be combined with my plan", "rounds the total wrongly", "ignores my time zone",
            "is not accepted at checkout", "disappeared after the update", "cannot be shared",
            "shows a permission error" };
    private static final String[] CIRCUMSTANCES = { "after the latest update", "on Android", "on iPhone",
            "in the web app", "since yesterday", "for a new team member", "when I use a VPN",
            "after changing my email", "for orders over the limit", "on the second attempt", "in Safari",
            "while travelling abroad", "after a password change", "for my whole team", "since the migration",
            "only at month end", "with the desktop client", "after renewing", "on a shared device",
            "when paying in instalments", "from the partner portal", "in dark mode", "after a refund",
            "with two accounts", "during the trial", "after cancelling", "for business customers",
            "on slow connections", "with a screen reader", "after merging accounts" };
    private static final String[] OPENERS = { "", "Hi, ", "Hello team, ", "Quick question: ", "Urgent: ",
            "Good morning. ", "Hey, ", "Sorry to bother you, but ", "Not for the first time: ", "FYI " };
    private static final String[] CLOSERS = { ".", ". Can you help?", " again.", ". Please advise.",
            " and I need it fixed today.", ". What should I do?", "!", ". Thanks in advance." };
    private static final String[] ASKS = { "My %s %s %s, can you look into it?", "Why is it that my %s %s %s?",
            "The %s %s %s. How do I fix this?", "Help: %s %s %s.", "Our %s %s %s and we are stuck." };

    /** Distinct titles the vocabulary can make. */
    static final int MAX_NEEDS = THINGS.length * PROBLEMS.length * CIRCUMSTANCES.length;

    private final int needs;
    private final int[][] parts;
    private final double[] cumulative;

    /**
     * @param needs how many distinct needs, at most {@link #MAX_NEEDS}
     * @param skew Zipf exponent of contacts over needs (0 = even)
     */
    SyntheticDemand(int needs, double skew, long seed) {
        if (needs < 1 || needs > MAX_NEEDS) {
            throw new IllegalArgumentException("needs must be from 1 to " + MAX_NEEDS + ", not " + needs);
        }
        this.needs = needs;
        int[] all = new int[MAX_NEEDS];
        Arrays.setAll(all, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < needs; i++) {
            int j = i + random.nextInt(MAX_NEEDS - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        parts = new int[needs][];
        for (int i = 0; i < needs; i++) {
            int code = all[i];
            parts[i] = new int[] { code % THINGS.length, (code / THINGS.length) % PROBLEMS.length,
                    code / (THINGS.length * PROBLEMS.length) };
        }
        cumulative = new double[needs];
        double sum = 0;
        for (int i = 0; i < needs; i++) {
            sum += 1 / Math.pow(i + 1, skew);
            cumulative[i] = sum;
        }
        for (int i = 0; i < needs; i++) {
            cumulative[i] /= sum;
        }
    }

    int needs() {
        return needs;
    }

    /** The need's title, as an agent would name it. */
    String title(int need) {
        int[] p = parts[need];
        String thing = THINGS[p[0]];
        return Character.toUpperCase(thing.charAt(0)) + thing.substring(1) + " " + PROBLEMS[p[1]] + " "
                + CIRCUMSTANCES[p[2]];
    }

    List<String> titles() {
        List<String> titles = new ArrayList<>(needs);
        for (int i = 0; i < needs; i++) {
            titles.add(title(i));
        }
        return titles;
    }

    /** A need drawn with the Zipf-like weights: need 0 is the most common. */
    int drawNeed(Random random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(at >= 0 ? at : -at - 1, needs - 1);
    }

    /** How a customer words the need in a stored contact: the title with an opener and a closer. */
    String contactText(int need, Random random) {
        String title = title(need);
        String opener = OPENERS[random.nextInt(OPENERS.length)];
        String text = opener.isEmpty() ? title : opener + Character.toLowerCase(title.charAt(0)) + title.substring(1);
        return text + CLOSERS[random.nextInt(CLOSERS.length)];
    }

    /** A new contact about the need, worded differently from the stored ones (for matching). */
    String question(int need, Random random) {
        int[] p = parts[need];
        return String.format(ASKS[random.nextInt(ASKS.length)], THINGS[p[0]], PROBLEMS[p[1]], CIRCUMSTANCES[p[2]]);
    }
}
