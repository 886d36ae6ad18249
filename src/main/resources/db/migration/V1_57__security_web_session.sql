-- Signed-in sessions (agents and portal customers) live in PostgreSQL, so any node behind a load balancer
-- serves any request: a node can be stopped or killed without signing anyone out, and no sticky sessions
-- are needed. The column names are the ones Spring Session's JDBC repository reads and writes; the table
-- names are set by spring.session.jdbc.table-name.
create table web_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(320)
);

create unique index web_session_id on web_session (session_id);
create index web_session_expiry on web_session (expiry_time);
create index web_session_principal on web_session (principal_name);

create table web_session_attributes (
    session_primary_id char(36)     not null references web_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
