package io.repdesk.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.search.Embedder;
import io.repdesk.shared.ContactId;

@RepdeskIntegrationTest
class NeedMatcherIntegrationTests {

    @Autowired
    NeedMatcher matcher;

    @Autowired
    NeedManagement needs;

    @Autowired
    Embedder embedder;

    @Autowired
    io.repdesk.search.ContactIndex index;

    @Autowired
    io.repdesk.journal.Journal journal;

    @Test
    void contactsMatchedTogetherAreEmbeddedOnceEachAndGetTheMatchOfTheirOwnText() {
        String nonce = UUID.randomUUID().toString();
        List<String> texts = List.of("My new card still hasn't arrived, it has been two weeks. Where is it? " + nonce,
                "The volcano observatory webcam shows a purple sky and the seismograph chart is blank " + nonce,
                "Still waiting for the card you sent me two weeks ago, when will it come? " + nonce);
        // the index feeder embeds what the journal holds (a new context's demo data, say): let it catch up first
        index.awaitSequence(journal.head(), java.time.Duration.ofSeconds(120));
        long before = embedder.computed();

        List<MatchResult> together = matcher.matchAll(texts.stream()
                .map(text -> new NeedMatcher.Query(ContactId.random(), text)).toList());

        // none of them is in the index: the model ran on each text once, all of them handed over together
        assertThat(embedder.computed() - before).isEqualTo(texts.size());
        // both card texts find a card need among their first three candidates (card_arrival, or one that other
        // tests in this shared context split from it; their needs and labelled contacts share the index), and the
        // observatory text is new
        for (int i : new int[] { 0, 2 }) {
            assertThat(together.get(i).candidates().stream().limit(3)
                    .map(c -> needs.get(c.needId()).title().toLowerCase(java.util.Locale.ROOT)))
                    .anyMatch(title -> title.contains("card"));
        }
        assertThat(together.get(1).newNeedScore()).isGreaterThan(0.5f);
        for (int i = 0; i < texts.size(); i++) {
            MatchResult alone = matcher.match(texts.get(i));
            assertThat(together.get(i).candidates()).isEqualTo(alone.candidates());
            assertThat(together.get(i).newNeedScore()).isEqualTo(alone.newNeedScore());
        }
    }
}
