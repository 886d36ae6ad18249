package io.repdesk;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The schema versions this build's Flyway migrations reach: a restore rebuilds the schema from them. */
final class SchemaVersions {

    static final String LOCATION = "classpath:db/migration";

    private static final Pattern MIGRATION = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    private SchemaVersions() {
    }

    /** Refuses a version this build has no migration for, typically an archive written by a newer repdesk. */
    static void requireKnown(String version) {
        List<MigrationVersion> known = known();
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        if (!known.contains(wanted)) {
            throw new BackupFailed("The archive's schema version " + version + " is unknown to this repdesk, whose"
                    + " migrations reach " + known.getLast() + "; restore it with the repdesk version that wrote it"
                    + " or a newer one");
        }
    }

    static List<MigrationVersion> known() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION + "/V*__*.sql");
            return Arrays.stream(resources).map(Resource::getFilename).filter(Objects::nonNull).map(MIGRATION::matcher)
                    .filter(Matcher::matches).map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list this build's migrations", e);
        }
    }
}
