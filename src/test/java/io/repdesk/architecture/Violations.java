package io.repdesk.architecture;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.HttpServletRequest;

/** Breaks every rule of {@link ArchitectureTests} on purpose, to prove the rules catch it. */
class Violations {

    EmbeddedPostgres postgres;
    JdbcClient jdbc;
    HttpServletRequest request;
    org.apache.lucene.index.IndexWriter writer;
    jakarta.mail.internet.MimeMessage email;

    /** An API endpoint that names no scope. */
    @org.springframework.web.bind.annotation.RequestMapping("/api/v1/violations")
    static class UnscopedApi {

        @org.springframework.web.bind.annotation.GetMapping
        String unscoped() {
            return "open to any token";
        }
    }
}
