package io.repdesk.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;

/** Counts environment values over {@code customer_customer}, for all customers or a given group, in one query. */
@Repository
class EnvironmentTally {

    private static final String COUNTS = """
            with grp as (select product, platform, version, plan, region, attributes from customer_customer %s)
            select 'product=' || product as k, count(*) as n from grp where product is not null group by 1
            union all select 'platform=' || platform, count(*) from grp where platform is not null group by 1
            union all select 'version=' || coalesce(platform || ' ', '') || version, count(*) from grp
                where version is not null group by 1
            union all select 'plan=' || plan, count(*) from grp where plan is not null group by 1
            union all select 'region=' || region, count(*) from grp where region is not null group by 1
            union all select 'attributes.' || a.key || '=' || a.value, count(*) from grp, jsonb_each_text(grp.attributes) a
                group by 1
            union all select '', count(*) from grp
            """;

    private final JdbcClient jdbc;

    EnvironmentTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts over the given customers, or over every customer when {@code among} is null. */
    EnvironmentCounts count(@Nullable Collection<CustomerId> among) {
        Map<String, Long> counts = new HashMap<>();
        var spec = among == null ? jdbc.sql(COUNTS.formatted(""))
                : jdbc.sql(COUNTS.formatted("where id = any(?)"))
                        .param(among.stream().map(CustomerId::value).distinct().toArray(UUID[]::new));
        spec.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        long total = counts.getOrDefault("", 0L);
        counts.remove("");
        return new EnvironmentCounts(total, counts);
    }

    /**
     * The customers who run every one of the environment values, in the keys of {@link EnvironmentCounts}.
     *
     * @throws io.repdesk.shared.InvalidInput naming {@code cohort} for a key that is not {@code field=value}
     */
    java.util.List<CustomerId> cohort(java.util.List<String> keys) {
        io.repdesk.shared.Where where = new io.repdesk.shared.Where();
        for (String key : keys) {
            int eq = key.indexOf('=');
            String field = eq < 0 ? "" : key.substring(0, eq);
            String value = eq < 0 ? "" : key.substring(eq + 1);
            switch (field) {
                case "product", "platform", "plan", "region" -> where.clause(field + " = ?", value);
                case "version" -> where.clause("coalesce(platform || ' ', '') || version = ?", value);
                default -> {
                    if (!field.startsWith("attributes.") || field.length() == "attributes.".length()) {
                        throw new io.repdesk.shared.InvalidInput("cohort", "has " + key + "; each value must be "
                                + "product, platform, version, plan, region or attributes.<name>, then = and a value");
                    }
                    where.clause("attributes ->> ? = ?", field.substring("attributes.".length()), value);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new io.repdesk.shared.InvalidInput("cohort", "must name at least one environment value");
        }
        return jdbc.sql("select id from customer_customer" + where.sql() + " order by id")
                .params(where.params())
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class))).list();
    }

    /** Customers per product, platform and version, over the whole customer base. */
    java.util.List<VersionCount> versions() {
        return jdbc.sql("""
                select product, platform, version, count(*) as n from customer_customer
                where version is not null group by product, platform, version
                """)
                .query((rs, row) -> new VersionCount(rs.getString("product"), rs.getString("platform"),
                        rs.getString("version"), rs.getLong("n")))
                .list();
    }

    /** The organizations of the given customers, most customers first. */
    java.util.List<OrganizationCount> organizations(Collection<CustomerId> among) {
        return jdbc.sql("""
                select o.id, o.name, count(*) as n from customer_customer c
                join customer_organization o on o.id = c.organization_id
                where c.id = any(?) group by o.id, o.name order by n desc, o.name
                """)
                .param(among.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
                .query((rs, row) -> new OrganizationCount(new io.repdesk.shared.OrganizationId(
                        rs.getObject("id", UUID.class)), rs.getString("name"), rs.getLong("n")))
                .list();
    }
}
