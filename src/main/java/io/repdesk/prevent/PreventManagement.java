package io.repdesk.prevent;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;

/** Hands needs to engineering, records the versions expected to fix them and when those versions ship. */
@Service
@Transactional(readOnly = true)
public class PreventManagement {

    private final Handoffs handoffs;
    private final NeedManagement needs;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreventManagement(Handoffs handoffs, NeedManagement needs, Journal journal, ApplicationEventPublisher events,
            Clock clock) {
        this.handoffs = handoffs;
        this.needs = needs;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves a need to Prevent with an engineering owner and, optionally, the external issue tracking the fix; a
     * second hand-off changes the owner and link.
     *
     * @throws InvalidInput naming {@code owner} or {@code issueUrl} when blank, too long or not an http(s) address
     */
    @Transactional
    public Handoff handOff(NeedId id, @Nullable String owner, @Nullable String issueUrl) {
        String who = required("owner", owner, 100);
        String link = issueUrl(issueUrl);
        var need = needs.get(id);
        if (need.mergedInto() != null) {
            throw new Conflict("A need merged into another cannot be handed off; hand off the need it was merged into");
        }
        Instant now = clock.instant();
        handoffs.upsert(id, who, link, now, Journal.currentActor());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("owner", who);
        facts.put("issueUrl", link);
        journal.append("prevent", id.value(), "NeedHandedOff", facts);
        if (need.stage() != LifecycleStage.PREVENT) {
            needs.moveTo(id, LifecycleStage.PREVENT, "handed off to " + who, now);
        }
        events.publishEvent(new PreventEvents.NeedHandedOff(id, who));
        return handoff(id);
    }

    /**
     * Records a version expected to fix the need on a product and platform (blank: any).
     *
     * @throws InvalidInput naming {@code version}, {@code product} or {@code platform}
     */
    @Transactional
    public FixVersion expectFix(NeedId id, @Nullable String product, @Nullable String platform,
            @Nullable String version) {
        handoff(id);
        FixVersion fix = new FixVersion(UUID.randomUUID(), optional("product", product), optional("platform", platform),
                required("version", version, 50), null, clock.instant());
        handoffs.insertFix(id, fix);
        journal.append("prevent", id.value(), "FixVersionExpected", Map.of("fixId", fix.id().toString(),
                "version", fix.label()));
        return fix;
    }

    /** Records that a fix version shipped; verification watches customers on it from then on. */
    @Transactional
    public Handoff releaseFix(NeedId id, UUID fixId, @Nullable Instant at) {
        Handoff handoff = handoff(id);
        FixVersion fix = handoff.fixes().stream().filter(f -> f.id().equals(fixId)).findFirst()
                .orElseThrow(() -> new NotFound("fix version", fixId));
        if (fix.released()) {
            throw new Conflict("Fix version " + fix.label() + " was already released");
        }
        Instant released = at == null ? clock.instant() : at;
        handoffs.release(id, fixId, released);
        handoffs.verified(id, Verification.VERIFYING, clock.instant(), fix.label() + " released; watching customers "
                + "who run it.");
        journal.append("prevent", id.value(), "FixVersionReleased", Map.of("fixId", fixId.toString(),
                "version", fix.label(), "releasedAt", released.toString()));
        events.publishEvent(new PreventEvents.FixReleased(id, fixId, fix.label()));
        return handoff(id);
    }

    public Handoff handoff(NeedId id) {
        return handoffs.find(id).orElseThrow(() -> new NotFound("hand-off of need", id));
    }

    public java.util.Optional<Handoff> find(NeedId id) {
        return handoffs.find(id);
    }

    /** Every hand-off, newest first: the Prevent board. */
    public List<Handoff> board() {
        return handoffs.all();
    }

    static String required(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw new InvalidInput(field, "must be 1 to " + max + " characters");
        }
        return text;
    }

    static @Nullable String optional(String field, @Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.length() > 100) {
            throw new InvalidInput(field, "must be at most 100 characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String issueUrl(@Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (text.length() <= 2000 && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidInput("issueUrl", "must be an http or https address of at most 2000 characters");
    }
}
