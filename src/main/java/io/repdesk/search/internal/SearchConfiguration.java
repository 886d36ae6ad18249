package io.repdesk.search.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.repdesk.journal.Journal;
import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.search.Embedder;
import io.repdesk.search.Highlighter;
import io.repdesk.search.SearchSettings;
import tools.jackson.databind.json.JsonMapper;

/** Opens this node's index (under the data directory unless configured) and starts feeding it. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LuceneContactIndex contactIndex(SearchSettings settings, @Value("${repdesk.db.data-dir:data}") Path dataDir) {
        Path path = settings.indexDir() == null || settings.indexDir().isBlank() ? dataDir.resolve("index")
                : Path.of(settings.indexDir());
        return new LuceneContactIndex(path);
    }

    @Bean
    LuceneArticleIndex articleIndex(LuceneContactIndex index, Embedder embedder, Highlighter highlighter) {
        return new LuceneArticleIndex(index, embedder, highlighter);
    }

    @Bean
    JournalFeeder journalFeeder(Journal journal, LuceneContactIndex index, LuceneArticleIndex articles,
            Embedder embedder, SearchSettings settings, JsonMapper json, ObjectProvider<LabelListener> listeners) {
        return new JournalFeeder(journal, index, articles, embedder, settings, json, listeners);
    }
}
