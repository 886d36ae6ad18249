package io.repdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Direction;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.demo.DemoCatalog.NeedSpec;
import io.repdesk.demo.DemoWorld.Message;
import io.repdesk.demo.DemoWorld.Org;
import io.repdesk.demo.DemoWorld.Person;
import io.repdesk.demo.DemoWorld.Thread;

/**
 * Generates the demo world from a seed. Most needs run steadily over six months; a few are young:
 * they spike after the 5.2 app release on one platform. One kind of question has no need yet: its
 * recent cases wait in triage, the raw material of an emerging need.
 */
final class DemoGenerator {

    static final String PRODUCT = "Lumen app";
    static final int HISTORY_DAYS = 182;
    static final int RELEASE_DAYS_AGO = 21;
    static final int RECENT_DAYS = 10;

    /** Needs that appeared with the 5.2 release, each on one platform. */
    static final Map<String, String> YOUNG = Map.of(
            "contactless_not_working", "Android",
            "top_up_failed", "iOS",
            "virtual_card_not_working", "web");

    /** The intent with no need defined yet: its cases wait in triage. */
    static final String EMERGING = "apple_pay_or_google_pay";

    static final List<String> AGENTS = List.of("agent", "sam.tier2", "manager");

    private static final String[] FIRST = { "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hugo", "Ines",
        "Jonas", "Kira", "Liam", "Maya", "Nico", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
        "Wen", "Xavi", "Yara", "Zoe", "Aiko", "Bruno", "Carmen", "Dara", "Emil", "Farah", "Gus", "Hana", "Ivan",
        "Jade", "Kofi", "Lena", "Mateo", "Noor" };
    private static final String[] LAST = { "Okafor", "Schmidt", "Novak", "Silva", "Kowalski", "Haddad", "Tanaka",
        "Moreau", "Rossi", "Jensen", "Byrne", "Costa", "Ivanova", "Khan", "Lindqvist", "Mensah", "Nguyen", "Ortiz",
        "Petrov", "Quispe", "Reyes", "Sato", "Toivonen", "Usman", "Varga", "Walsh", "Yilmaz", "Zhang", "Abebe",
        "Brennan" };
    private static final String[] ORG_FIRST = { "Northwind", "Bluebird", "Harbour", "Copper", "Maple", "Quartz",
        "Riverside", "Summit", "Kestrel", "Lantern", "Orchard", "Juniper", "Granite", "Meadow", "Beacon", "Cobalt",
        "Saffron", "Tidewater", "Alder", "Willow" };
    private static final String[] ORG_SECOND = { "Studio", "Logistics", "Bakery", "Analytics", "Family", "Clinic",
        "Design", "Foods", "Partners", "Robotics", "Travel", "Books", "Coffee", "Labs", "Dental", "Cycles" };
    private static final String[] REGIONS = { "UK", "UK", "EU", "EU", "EU", "US" };
    private static final String[] MANAGERS = { "Priya Natarajan", "Tom Whitfield", "Lucía Ferreira" };

    private final DemoCatalog catalog;
    private final DemoSettings settings;
    private final Instant end;
    private final Random random;

    DemoGenerator(DemoCatalog catalog, DemoSettings settings, Instant end) {
        this.catalog = catalog;
        this.settings = settings;
        this.end = end;
        this.random = new Random(settings.seed());
    }

    DemoWorld generate() {
        List<Org> organizations = organizations();
        List<Person> customers = customers(organizations);
        List<Thread> cases = cases(customers);
        return new DemoWorld(organizations, customers, cases);
    }

    private List<Org> organizations() {
        List<Org> orgs = new ArrayList<>();
        for (int i = 0; i < settings.organizations(); i++) {
            String name = pick(ORG_FIRST) + " " + pick(ORG_SECOND) + (i >= 250 ? " " + (i / 250 + 1) : "");
            String plan = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> "Standard";
                case 4, 5, 6 -> "Plus";
                case 7, 8 -> "Premium";
                default -> "Business";
            };
            orgs.add(new Org(name, plan));
        }
        return orgs;
    }

    private List<Person> customers(List<Org> orgs) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < settings.customers(); i++) {
            // Business accounts hold more people: skew towards them.
            int org = random.nextInt(orgs.size());
            if (!"Business".equals(orgs.get(org).plan()) && random.nextInt(3) == 0) {
                org = random.nextInt(orgs.size());
            }
            String first = pick(FIRST);
            String last = pick(LAST);
            String email = (first + "." + last + "." + i).toLowerCase(Locale.ROOT) + "@"
                    + orgs.get(org).name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
            Instant created = end.minus(Duration.ofDays(HISTORY_DAYS + 30 + random.nextInt(700)));
            people.add(new Person(org, first + " " + last, email, environment(orgs.get(org).plan()),
                    pick(MANAGERS), created));
        }
        return people;
    }

    private EnvironmentProfile environment(String plan) {
        int p = random.nextInt(100);
        String platform = p < 45 ? "iOS" : p < 85 ? "Android" : "web";
        String version;
        if ("web".equals(platform)) {
            version = random.nextInt(100) < 60 ? "2026.11" : "2026.10";
        } else {
            int v = random.nextInt(100);
            version = v < 35 ? "5.2" : v < 75 ? "5.1" : "5.0";
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("device", switch (platform) {
            case "iOS" -> pick(new String[] { "iPhone 13", "iPhone 14", "iPhone 15", "iPhone 16" });
            case "Android" -> pick(new String[] { "Pixel 8", "Galaxy S23", "Galaxy A54", "OnePlus 12" });
            default -> pick(new String[] { "Chrome", "Firefox", "Safari", "Edge" });
        });
        attributes.put("locale", pick(new String[] { "en-GB", "en-GB", "de-DE", "fr-FR", "es-ES", "en-US" }));
        return new EnvironmentProfile(PRODUCT, version, platform, plan, pick(REGIONS), attributes);
    }

    private List<Thread> cases(List<Person> customers) {
        Map<String, List<Integer>> cohorts = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            EnvironmentProfile env = customers.get(i).environment();
            cohorts.computeIfAbsent(env.platform() + "/" + env.version(), k -> new ArrayList<>()).add(i);
        }
        List<NeedSpec> needs = catalog.needs();
        int young = Math.max(3, settings.cases() / 40);
        int emerging = Math.max(2, settings.cases() / 100);
        int steady = Math.max(0, settings.cases() - young * YOUNG.size() - emerging);
        long weightSum = needs.stream().filter(n -> steadyNeed(n.key()))
                .mapToLong(n -> catalog.queries(n).size()).sum();
        List<Thread> threads = new ArrayList<>();
        for (NeedSpec need : needs) {
            List<String> queries = catalog.queries(need);
            if (queries.isEmpty()) {
                continue;
            }
            if (YOUNG.containsKey(need.key())) {
                String cohort = YOUNG.get(need.key()) + "/" + ("web".equals(YOUNG.get(need.key())) ? "2026.11" : "5.2");
                for (int i = 0; i < young; i++) {
                    int customer = random.nextInt(100) < 85 ? pick(cohorts.get(cohort)) : random.nextInt(customers.size());
                    threads.add(thread(customers, customer, need, queries, youngMoment(), true));
                }
            } else if (need.key().equals(EMERGING)) {
                for (int i = 0; i < emerging; i++) {
                    Instant at = end.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
                    threads.add(thread(customers, random.nextInt(customers.size()), need, queries, at, false));
                }
            } else {
                long count = Math.round((double) steady * queries.size() / weightSum);
                for (int i = 0; i < count; i++) {
                    threads.add(thread(customers, random.nextInt(customers.size()), need, queries, steadyMoment(),
                            true));
                }
            }
        }
        threads.sort(Comparator.comparing(t -> t.messages().getFirst().occurredAt()));
        return threads;
    }

    private static boolean steadyNeed(String key) {
        return !YOUNG.containsKey(key) && !EMERGING.equals(key);
    }

    /** Steady needs grow a little over the half year: later days are somewhat more likely. */
    private Instant steadyMoment() {
        double u = Math.sqrt(random.nextDouble());
        long minutes = (long) ((1 - u) * HISTORY_DAYS * 24 * 60);
        return end.minus(Duration.ofMinutes(minutes + 1));
    }

    /** A handful of early reports, then most contacts after the release. */
    private Instant youngMoment() {
        if (random.nextInt(100) < 6) {
            return end.minus(Duration.ofMinutes((long) (RELEASE_DAYS_AGO + random.nextInt(40)) * 24 * 60));
        }
        double u = Math.sqrt(random.nextDouble());
        return end.minus(Duration.ofMinutes((long) ((1 - u) * RELEASE_DAYS_AGO * 24 * 60) + 1));
    }

    private Thread thread(List<Person> customers, int customer, NeedSpec need, List<String> queries, Instant first,
            boolean linkable) {
        Person person = customers.get(customer);
        Channel channel = channel();
        List<Message> messages = new ArrayList<>();
        String opening = pick(queries);
        messages.add(new Message(channel, Direction.INBOUND, first, subject(opening),
                greeting() + opening + signOff(person), person.email()));
        Instant at = first;
        boolean recent = first.isAfter(end.minus(Duration.ofDays(RECENT_DAYS)));
        int followUps = random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0;
        boolean answered = !recent || random.nextInt(100) < 55;
        String agent = AGENTS.get(random.nextInt(2));
        if (answered) {
            at = later(at);
            messages.add(new Message(channel, Direction.OUTBOUND, at, "Re: " + subject(opening), reply(), agent));
        }
        for (int i = 0; i < followUps; i++) {
            at = later(at);
            messages.add(new Message(channel, Direction.INBOUND, at, "Re: " + subject(opening),
                    pick(queries) + signOff(person), person.email()));
        }
        recent = at.isAfter(end.minus(Duration.ofDays(RECENT_DAYS)));
        String needKey = linkable && (!recent || random.nextInt(100) < 90) ? need.key() : null;
        CaseStatus status = status(recent, answered);
        String assignee = status.isOpen() && random.nextInt(100) < 40 ? agent : null;
        return new Thread(customer, need.intent(), needKey, priority(need), status, assignee, List.copyOf(messages));
    }

    private Instant later(Instant at) {
        Instant next = at.plus(Duration.ofMinutes(20 + random.nextInt(36 * 60)));
        return next.isAfter(end) ? end.minusSeconds(random.nextInt(3600) + 1L) : next;
    }

    private CaseStatus status(boolean recent, boolean answered) {
        int r = random.nextInt(100);
        if (!recent) {
            return r < 85 ? CaseStatus.CLOSED : CaseStatus.RESOLVED;
        }
        if (!answered) {
            return r < 70 ? CaseStatus.NEW : CaseStatus.OPEN;
        }
        return r < 40 ? CaseStatus.OPEN : r < 70 ? CaseStatus.WAITING_ON_CUSTOMER : r < 80
                ? CaseStatus.WAITING_ON_THIRD_PARTY : CaseStatus.RESOLVED;
    }

    private Priority priority(NeedSpec need) {
        int r = random.nextInt(100);
        return switch (need.demandClass()) {
            case VALUE_ADDING -> r < 50 ? Priority.HIGH : r < 60 ? Priority.URGENT : Priority.NORMAL;
            case VALUE_ERODING -> r < 25 ? Priority.HIGH : Priority.NORMAL;
            default -> r < 15 ? Priority.LOW : Priority.NORMAL;
        };
    }

    private Channel channel() {
        int r = random.nextInt(100);
        return r < 45 ? Channel.EMAIL : r < 70 ? Channel.PORTAL : r < 90 ? Channel.CHAT : r < 95 ? Channel.PHONE
                : Channel.SOCIAL;
    }

    private String greeting() {
        return pick(new String[] { "", "", "Hi, ", "Hello, ", "Hi there. " });
    }

    private String signOff(Person person) {
        return pick(new String[] { "", "", "\n\nThanks", "\n\nThanks, " + person.name().split(" ")[0],
            "\n\nRegards,\n" + person.name() });
    }

    private String reply() {
        return pick(new String[] {
            "Thanks for getting in touch. I'm looking into this now and will update you here as soon as I know more.",
            "Sorry for the trouble. Could you tell me the date and amount involved, and whether the app showed an "
                + "error message? That will let me check it straight away.",
            "Thanks for your patience. I've checked your account and passed the details to the team that handles "
                + "this; you'll hear from us within one working day.",
            "Thanks for the details. This is a known situation and we're on it; I've added your case so you get "
                + "an update as soon as it's resolved." });
    }

    static String subject(String text) {
        String firstLine = text.strip().split("\\R", 2)[0];
        return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77).strip() + "…";
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
