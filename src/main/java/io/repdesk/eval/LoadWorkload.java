package io.repdesk.eval;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.ClassPathResource;

import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NewNeed;

/**
 * The load generator's made-up but realistic demand, deterministic for a seed: customers with environment
 * profiles; the 77 BANKING77 needs first, then synthetic ones; each need with a lifecycle shape (how its
 * contacts spread over the six months: rising, steady, fading, a spike, or eliminated half-way); contact texts
 * drawn from the bundled BANKING77 questions of the need's intent, or worded from a synthetic need's title, with
 * openers, closers and small slips as customers write them.
 */
final class LoadWorkload {

    static final int DAYS = 180;

    /** How a need's contacts spread over the days. */
    enum Shape {
        RISING, STEADY, FADING, SPIKE, ELIMINATED;

        double weight(int day, int spikeDay) {
            double t = day / (double) DAYS;
            return switch (this) {
                case RISING -> 0.2 + t;
                case STEADY -> 1;
                case FADING -> 1.2 - t;
                case SPIKE -> Math.abs(day - spikeDay) < 7 ? 8 : 0.3;
                case ELIMINATED -> t < 0.5 ? 1 : 0.05;
            };
        }
    }

    private static final String[] PRODUCTS = { "Bank app", "Business banking", "Card services" };
    private static final String[] PLATFORMS = { "iOS", "Android", "Web" };
    private static final String[] PLANS = { "Starter", "Plus", "Business" };
    private static final String[] REGIONS = { "EU", "UK", "US", "APAC" };
    private static final String[] OPENERS = { "", "", "Hi, ", "Hello, ", "Hey team, ", "Urgent: ", "Quick one - ",
            "Sorry to bother you again but ", "Good morning. " };
    private static final String[] CLOSERS = { "", "", " Thanks.", " Please help!", " Can someone call me?",
            " This is the second time.", " Regards, a long-time customer.", " ASAP please." };

    record Need(NewNeed definition, String intent, Shape shape, int spikeDay) {
    }

    private final Random random;
    private final long seed;
    private final List<Need> needs = new ArrayList<>();
    private final Map<String, List<String>> questions = new HashMap<>();
    private final SyntheticDemand synthetic;
    private final int fromBanking;
    private final double[] popularity;

    LoadWorkload(int needCount, long seed) {
        this.random = new Random(seed);
        this.seed = seed;
        List<String[]> banking = bankingNeeds();
        for (LabelledText row : LabelledText.read(reader("demo/banking77/train.csv"), "banking77/train.csv")) {
            questions.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row.text());
        }
        fromBanking = Math.min(needCount, banking.size());
        synthetic = new SyntheticDemand(Math.max(1, needCount - fromBanking), 0, seed);
        Shape[] shapes = Shape.values();
        for (int i = 0; i < needCount; i++) {
            Shape shape = shapes[random.nextInt(shapes.length)];
            int spike = random.nextInt(DAYS);
            if (i < fromBanking) {
                String[] b = banking.get(i);
                needs.add(new Need(new NewNeed(b[0].replace('_', '-'), b[1], b[3], DemandClass.valueOf(b[2]), null),
                        b[0], shape, spike));
            } else {
                int s = i - fromBanking;
                needs.add(new Need(new NewNeed("load-" + s, synthetic.title(s), "Customers report: "
                        + synthetic.title(s).toLowerCase(Locale.ROOT) + ".", DemandClass.VALUE_ERODING, null),
                        "", shape, spike));
            }
        }
        // Zipf-like popularity: a few needs are common, most are rare.
        popularity = new double[needCount];
        double sum = 0;
        for (int i = 0; i < needCount; i++) {
            sum += 1 / Math.pow(i + 1, 0.9);
            popularity[i] = sum;
        }
        for (int i = 0; i < needCount; i++) {
            popularity[i] /= sum;
        }
    }

    List<Need> needs() {
        return needs;
    }

    EnvironmentProfile profile(int customer) {
        Random r = new Random(customer * 7919L);
        return new EnvironmentProfile(PRODUCTS[r.nextInt(PRODUCTS.length)], "5." + r.nextInt(10),
                PLATFORMS[r.nextInt(PLATFORMS.length)], PLANS[r.nextInt(PLANS.length)], REGIONS[r.nextInt(REGIONS.length)],
                Map.of("device", r.nextBoolean() ? "phone" : "tablet"));
    }

    /** A need, drawn by popularity. */
    synchronized int drawNeed() {
        int at = java.util.Arrays.binarySearch(popularity, random.nextDouble());
        return Math.min(at >= 0 ? at : -at - 1, needs.size() - 1);
    }

    /** A day (0 = six months ago) for a contact about the need, following its shape. */
    synchronized int drawDay(int need) {
        Need n = needs.get(need);
        while (true) {
            int day = random.nextInt(DAYS);
            if (random.nextDouble() * 8 < n.shape().weight(day, n.spikeDay())) {
                return day;
            }
        }
    }

    /** What the customer writes about the need. */
    synchronized String text(int need) {
        Need n = needs.get(need);
        List<String> pool = questions.get(n.intent());
        String core = pool != null ? pool.get(random.nextInt(pool.size()))
                : need >= fromBanking ? synthetic.question(need - fromBanking, random) : n.definition().title();
        String opener = OPENERS[random.nextInt(OPENERS.length)];
        String text = opener.isEmpty() ? core : opener + Character.toLowerCase(core.charAt(0)) + core.substring(1);
        if (random.nextInt(10) == 0) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (random.nextInt(8) == 0 && text.length() > 12) {
            int at = 1 + random.nextInt(text.length() - 2);
            text = text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
        }
        return text + CLOSERS[random.nextInt(CLOSERS.length)];
    }

    /**
     * Draws afresh for a run continued after {@code recorded} of its contacts, so that its next contacts do not
     * repeat the customers and wording its first ones drew.
     */
    synchronized void continueFrom(int recorded) {
        if (recorded > 0) {
            random.setSeed(seed * 1_000_003L + recorded);
        }
    }

    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static List<String[]> bankingNeeds() {
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : new String(new ClassPathResource("demo/needs.tsv").getContentAsByteArray(),
                    StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Reader reader(String resource) {
        try {
            return new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
