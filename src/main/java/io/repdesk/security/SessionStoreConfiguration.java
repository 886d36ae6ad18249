package io.repdesk.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Signed-in sessions are stored in PostgreSQL (table {@code web_session}), so nodes keep nothing a user depends on
 * between requests and a load balancer needs no sticky sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionStoreConfiguration {

    /**
     * Writes session attributes with {@code insert ... on conflict}: a page and its htmx requests can save the same
     * attribute of one session at the same moment, which would otherwise fail one of them on the primary key.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
