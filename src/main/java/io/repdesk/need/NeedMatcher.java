package io.repdesk.need;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.repdesk.journal.Journal;
import io.repdesk.need.MatchResult.Candidate;
import io.repdesk.need.matching.NeedModel;
import io.repdesk.need.matching.NeedScoring;
import io.repdesk.search.ContactIndex;
import io.repdesk.search.ContactIndex.Neighbour;
import io.repdesk.search.Embedder;

/**
 * Matches a contact's text to the known needs: its nearest confirmed contacts and the needs' learned
 * centres, fused into calibrated probabilities, plus a score for "none of these". Sees every
 * confirmation committed before it is called, so a correction changes the very next match.
 */
@Service
public class NeedMatcher {

    static final int NEIGHBOURS = 40;
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final ContactIndex index;
    private final Embedder embedder;
    private final NeedModel model;
    private final Journal journal;
    private final NeedSettings settings;

    NeedMatcher(ContactIndex index, Embedder embedder, NeedModel model, Journal journal, NeedSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.model = model;
        this.journal = journal;
        this.settings = settings;
    }

    /** Waits until this node has learned every confirmation committed so far; false on timeout. */
    public boolean awaitCurrent(Duration timeout) {
        return index.awaitSequence(journal.head(), timeout);
    }

    /** A need that resembles another, and how closely (cosine of their confirmed contacts' centres). */
    public record Similar(io.repdesk.shared.NeedId needId, float similarity) {
    }

    /** The needs whose confirmed contacts most resemble this need's, most similar first. */
    public List<Similar> similarTo(io.repdesk.shared.NeedId need, int limit) {
        Map<io.repdesk.shared.NeedId, float[]> centroids = model.centroids();
        float[] mine = centroids.get(need);
        if (mine == null) {
            return List.of();
        }
        return centroids.entrySet().stream().filter(e -> !e.getKey().equals(need))
                .map(e -> new Similar(e.getKey(), Embedder.cosine(mine, e.getValue())))
                .sorted(Comparator.comparingDouble(Similar::similarity).reversed()).limit(limit).toList();
    }

    /** Refits the learned model from the confirmed history now, e.g. after loading history in bulk. */
    public void consolidate() {
        model.refit();
    }

    public MatchResult match(String text) {
        return match(null, text, journal.head());
    }

    /**
     * Matches once this node has learned every confirmation up to the given journal sequence (waiting a few
     * seconds at most): a contact's match need only see the corrections committed before it was recorded. A
     * recorded contact that the index already holds is matched with the index's vector, so it is embedded once.
     */
    public MatchResult match(io.repdesk.shared.@Nullable ContactId contact, String text, long learnedThrough) {
        index.awaitSequence(learnedThrough, CATCH_UP);
        return matchAll(List.of(new Query(contact, text))).getFirst();
    }

    /** A contact to match: its id when it was recorded (its vector may be in the index), and its text. */
    public record Query(io.repdesk.shared.@Nullable ContactId contact, String text) {
    }

    /** The last journal sequence this node has learned: contacts recorded up to it can be matched now. */
    public long learned() {
        return index.appliedSequence();
    }

    /**
     * Matches several contacts as this node has learned so far (the caller sees to it that that is far
     * enough), one result per contact, in order. Vectors the index holds are reused; the other texts go to
     * the model together, which runs a batch far more cheaply per text than one text at a time.
     */
    public List<MatchResult> matchAll(List<Query> contacts) {
        if (!embedder.available()) {
            return contacts.stream().map(c -> decide(NeedScoring.keyword(index.keyword(c.text(), NEIGHBOURS))))
                    .toList();
        }
        float[][] vectors = new float[contacts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            io.repdesk.shared.ContactId contact = contacts.get(i).contact();
            vectors[i] = contact == null ? null : index.vectorOf(contact).orElse(null);
            if (vectors[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embed(missing.stream().map(i -> contacts.get(i).text()).toList());
            for (int m = 0; m < missing.size(); m++) {
                vectors[missing.get(m)] = embedded.get(m);
            }
        }
        return java.util.Arrays.stream(vectors).map(this::match).toList();
    }

    /** Matches an already embedded contact (used by evaluation and batch work). */
    public MatchResult match(float[] vector) {
        List<Neighbour> neighbours = index.neighbours(vector, NEIGHBOURS);
        return decide(NeedScoring.fuse(neighbours, model.probabilities(vector)));
    }

    private MatchResult decide(NeedScoring.Scores scores) {
        List<Candidate> ranked = new ArrayList<>();
        scores.probabilities().entrySet().stream()
                .sorted(Map.Entry.<io.repdesk.shared.NeedId, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(Math.max(settings.suggestions(), 1))
                .forEach(e -> ranked.add(new Candidate(e.getKey(), e.getValue().floatValue())));
        float newNeed = (float) scores.newNeedScore();
        if (ranked.isEmpty() || newNeed >= settings.newNeedThreshold()) {
            return new MatchResult.NewNeed(ranked, ranked.isEmpty() ? 1f : newNeed);
        }
        Candidate best = ranked.getFirst();
        if (best.confidence() >= settings.autoLinkConfidence()) {
            return new MatchResult.Matched(best.needId(), best.confidence(), ranked, newNeed);
        }
        return new MatchResult.Ambiguous(ranked, newNeed);
    }

}
