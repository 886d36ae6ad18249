package io.repdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.repdesk.search.ContactIndex.Hit;
import io.repdesk.search.ContactIndex.Neighbour;
import io.repdesk.search.Embedder;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.NeedId;

class LuceneContactIndexTests {

    static final int DIMENSION = 48;

    @TempDir
    Path dir;

    @Test
    void neighboursCarryExactCosinesAndTheirCasesNeeds() throws Exception {
        Random random = new Random(2026);
        Map<NeedId, float[]> vectors = new HashMap<>();
        Map<NeedId, Boolean> confirmations = new HashMap<>();
        try (LuceneContactIndex index = new LuceneContactIndex(dir)) {
            for (int i = 0; i < 600; i++) {
                NeedId need = NeedId.random();
                float[] v = unit(random);
                boolean confirmed = random.nextBoolean();
                vectors.put(need, v);
                confirmations.put(need, confirmed);
                index.add(ContactId.random(), CaseId.random(), null, Instant.EPOCH, "contact " + i, v, need, confirmed);
                if (i == 300) {
                    index.commit(1); // two segments: hits are labelled across leaves
                }
            }
            index.commit(2);

            for (int q = 0; q < 20; q++) {
                float[] query = unit(random);
                List<Neighbour> found = index.neighbours(query, 10);

                assertThat(found).hasSize(10);
                for (int i = 0; i < found.size(); i++) {
                    Neighbour n = found.get(i);
                    assertThat(n.score()).isCloseTo(Embedder.cosine(query, vectors.get(n.needId())), within(1e-5f));
                    assertThat(n.confirmed()).isEqualTo(confirmations.get(n.needId()));
                    if (i > 0) {
                        assertThat(n.score()).isLessThanOrEqualTo(found.get(i - 1).score());
                    }
                }
                List<Hit> hits = index.nearest(query, 10);
                assertThat(hits).extracting(Hit::needId).containsExactlyElementsOf(
                        found.stream().map(Neighbour::needId).toList());
            }
        }
    }

    @Test
    void anIndexWithoutVectorsHasNoNeighbours() throws Exception {
        Random random = new Random(3);
        try (LuceneContactIndex index = new LuceneContactIndex(dir)) {
            assertThat(index.neighbours(unit(random), 10)).isEmpty();
            assertThat(index.nearest(unit(random), 10)).isEmpty();

            index.add(ContactId.random(), CaseId.random(), null, Instant.EPOCH, "an outbound reply", null, null, false);
            index.commit(1);

            assertThat(index.neighbours(unit(random), 10)).isEmpty();
            assertThat(index.nearest(unit(random), 10)).isEmpty();
        }
    }

    @Test
    void theVectorOfAnIndexedContactIsHandedBack() throws Exception {
        Random random = new Random(11);
        float[] stored = unit(random);
        ContactId withVector = ContactId.random();
        ContactId reply = ContactId.random();
        try (LuceneContactIndex index = new LuceneContactIndex(dir)) {
            index.add(withVector, CaseId.random(), null, Instant.EPOCH, "my card was declined", stored, null, false);
            index.add(reply, CaseId.random(), null, Instant.EPOCH, "an outbound reply", null, null, false);
            index.commit(1);

            assertThat(index.vectorOf(withVector)).hasValueSatisfying(v -> assertThat(v).containsExactly(stored));
            assertThat(index.vectorOf(reply)).isEmpty();
            assertThat(index.vectorOf(ContactId.random())).isEmpty();
        }
    }

    @Test
    void theNearestStoredContactIsFoundFirst() throws Exception {
        Random random = new Random(7);
        List<NeedId> needs = new ArrayList<>();
        List<float[]> stored = new ArrayList<>();
        try (LuceneContactIndex index = new LuceneContactIndex(dir)) {
            for (int i = 0; i < 400; i++) {
                NeedId need = NeedId.random();
                float[] v = unit(random);
                needs.add(need);
                stored.add(v);
                index.add(ContactId.random(), CaseId.random(), null, Instant.EPOCH, "contact " + i, v, need, true);
            }
            index.commit(1);

            for (int i = 0; i < 400; i += 37) {
                Neighbour best = index.neighbours(stored.get(i), 5).getFirst();

                assertThat(best.needId()).isEqualTo(needs.get(i));
                assertThat(best.score()).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
