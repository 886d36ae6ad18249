package io.repdesk.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;

/** The lease table {@code cluster_job_lease}; all times are the database's. */
@Repository
class JobLeases {

    private final JdbcClient jdbc;
    private final Journal journal;

    JobLeases(JdbcClient jdbc, Journal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /**
     * Takes the job's lease for {@code ttl} if it is free, expired or already this holder's (then it is renewed).
     * A change of holder is journaled ({@code JobLeaseTaken}).
     *
     * @return whether {@code holder} holds the lease now
     */
    @Transactional
    boolean hold(String job, String holder, Duration ttl) {
        Optional<String> previous = jdbc.sql("select holder from cluster_job_lease where job = ? for update")
                .param(job).query(String.class).optional();
        if (previous.isEmpty()) {
            int inserted = jdbc.sql("""
                    insert into cluster_job_lease (job, holder, acquired_at, expires_at)
                    values (?, ?, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond')
                    on conflict (job) do nothing
                    """).params(job, holder, ttl.toMillis()).update();
            if (inserted == 1) {
                taken(job, holder, "");
            }
            return inserted == 1;
        }
        boolean mine = previous.get().equals(holder);
        int updated = jdbc.sql("""
                update cluster_job_lease
                set holder = :holder, expires_at = clock_timestamp() + :ttl * interval '1 millisecond',
                    acquired_at = case when holder = :holder then acquired_at else clock_timestamp() end
                where job = :job and (holder = :holder or expires_at < clock_timestamp())
                """).param("holder", holder).param("ttl", ttl.toMillis()).param("job", job).update();
        if (updated == 1 && !mine) {
            taken(job, holder, previous.get());
        }
        return updated == 1;
    }

    private void taken(String job, String holder, String previous) {
        journal.append("cluster-job", streamId(job), "JobLeaseTaken",
                Map.of("job", job, "holder", holder, "previousHolder", previous));
    }

    /** Counts a run of the job by its holder. */
    void ran(String job, String holder) {
        jdbc.sql("""
                update cluster_job_lease set runs = runs + 1, last_run_at = clock_timestamp()
                where job = ? and holder = ?
                """).params(job, holder).update();
    }

    /** Gives the job's lease up at once, so another node need not wait for it to expire. */
    void release(String job, String holder) {
        jdbc.sql("update cluster_job_lease set expires_at = clock_timestamp() where job = ? and holder = ?")
                .params(job, holder).update();
    }

    /** Who holds the job's lease now, if anyone. */
    Optional<String> holder(String job) {
        return jdbc.sql("select holder from cluster_job_lease where job = ? and expires_at >= clock_timestamp()")
                .param(job).query(String.class).optional();
    }

    static UUID streamId(String job) {
        return UUID.nameUUIDFromBytes(("cluster-job:" + job).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
