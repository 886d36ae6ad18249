-- Customers' portal passwords, hashed like agents' passwords. A customer without a row signs in by link only.
create table security_portal_password (
    customer_id   uuid primary key,
    password_hash text        not null,
    changed_at    timestamptz not null
);

-- Single-use sign-in links sent by email. Only the SHA-256 of a link's token is kept, so a copy of this
-- table signs no one in.
create table security_portal_link (
    token_hash   text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    customer_id  uuid        not null,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);

create index security_portal_link_customer on security_portal_link (customer_id, requested_at desc);
