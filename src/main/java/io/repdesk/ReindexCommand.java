package io.repdesk;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.repdesk.search.Reindex;
import io.repdesk.shared.ProgressBar;

/** {@code repdesk reindex}: rebuilds this node's search index from PostgreSQL, with a progress bar. */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "reindex")
class ReindexCommand implements ApplicationRunner {

    private final Reindex reindex;

    ReindexCommand(Reindex reindex) {
        this.reindex = reindex;
    }

    @Override
    public void run(ApplicationArguments args) {
        long head = reindex.journalHead();
        ProgressBar bar = new ProgressBar(System.out, "Reindexing", head);
        long started = System.nanoTime();
        reindex.rebuild(bar::update);
        bar.done();
        System.out.printf("Rebuilt the search index from %,d journal entries in %s%n", head,
                ProgressBar.duration(Duration.ofNanos(System.nanoTime() - started)));
    }
}
