package io.repdesk.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.Where;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores organizations and customers in {@code customer_organization} and {@code customer_customer}. */
@Repository
class Customers {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Customers(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Organization organization) {
        jdbc.sql("insert into customer_organization (id, name, plan, created_at) values (?, ?, ?, ?)")
                .params(organization.id().value(), organization.name(), organization.plan(),
                        organization.createdAt().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    void insert(Customer customer) {
        EnvironmentProfile env = customer.environment();
        jdbc.sql("""
                insert into customer_customer (id, organization_id, name, email, product, version, platform, plan,
                    region, attributes, account_manager, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                """)
                .params(customer.id().value(),
                        customer.organizationId() == null ? null : customer.organizationId().value(),
                        customer.name(), customer.email(), env.product(), env.version(), env.platform(), env.plan(),
                        env.region(), json.writeValueAsString(env.attributes()), customer.accountManager(),
                        customer.createdAt().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    void updateEnvironment(CustomerId id, EnvironmentProfile env) {
        jdbc.sql("""
                update customer_customer set product = ?, version = ?, platform = ?, plan = ?, region = ?,
                    attributes = cast(? as jsonb) where id = ?
                """)
                .params(env.product(), env.version(), env.platform(), env.plan(), env.region(),
                        json.writeValueAsString(env.attributes()), id.value())
                .update();
    }

    Optional<Organization> organization(OrganizationId id) {
        return jdbc.sql("select * from customer_organization where id = ?").param(id.value())
                .query(Customers::mapOrganization).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from customer_customer where lower(email) = lower(?))")
                .param(email).query(Boolean.class).single();
    }

    Optional<Customer> byEmail(String email) {
        return jdbc.sql("select * from customer_customer where lower(email) = lower(?) order by created_at limit 1").param(email.strip())
                .query(this::mapCustomer).optional();
    }

    List<CustomerId> idsInOrganization(OrganizationId id) {
        return jdbc.sql("select id from customer_customer where organization_id = ? order by id").param(id.value())
                .query((rs, row) -> new CustomerId(rs.getObject("id", UUID.class))).list();
    }

    Optional<Customer> customer(CustomerId id) {
        return jdbc.sql("select * from customer_customer where id = ?").param(id.value())
                .query(this::mapCustomer).optional();
    }

    Map<CustomerId, Customer> customers(List<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<CustomerId, Customer> found = new LinkedHashMap<>();
        jdbc.sql("select * from customer_customer where id = any(?)")
                .param(ids.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
                .query(this::mapCustomer).list().forEach(c -> found.put(c.id(), c));
        return found;
    }

    Page<Organization> organizations(PageRequest page) {
        return Paging.page(jdbc, "customer_organization", new Where(), "name, id", page, Customers::mapOrganization);
    }

    Page<Customer> customers(CustomerFilter filter, PageRequest page) {
        Where where = new Where().equal("organization_id", filter.organizationId())
                .equal("platform", filter.platform()).equal("version", filter.version()).equal("plan", filter.plan())
                .contains(filter.query(), "name", "email");
        return Paging.page(jdbc, "customer_customer", where, "name, id", page, this::mapCustomer);
    }



    /** How many customers have each value of an environment field: "platform=iOS" → 1,350. */
    Map<String, Long> profileCounts() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select 'platform=' || platform as k, count(*) as n from customer_customer where platform is not null group by 1
                union all select 'version=' || coalesce(platform || ' ', '') || version, count(*) from customer_customer
                    where version is not null group by 1
                union all select 'plan=' || plan, count(*) from customer_customer where plan is not null group by 1
                union all select 'region=' || region, count(*) from customer_customer where region is not null group by 1
                """).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    long count() {
        return jdbc.sql("select count(*) from customer_customer").query(Long.class).single();
    }

    private static Organization mapOrganization(ResultSet rs, int row) throws SQLException {
        return new Organization(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("plan"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private Customer mapCustomer(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("organization_id", UUID.class);
        EnvironmentProfile env = new EnvironmentProfile(rs.getString("product"), rs.getString("version"),
                rs.getString("platform"), rs.getString("plan"), rs.getString("region"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES));
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)), org == null ? null : new OrganizationId(org),
                rs.getString("name"), rs.getString("email"), env, rs.getString("account_manager"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
