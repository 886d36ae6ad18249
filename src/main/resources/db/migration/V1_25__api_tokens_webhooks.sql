-- Integration tokens for the API. Only a SHA-256 hash of each token is kept: the token itself is shown once.
create table security_api_token (
    id           uuid primary key,
    name         text        not null,
    token_hash   text        not null unique,
    token_hint   text        not null,
    scopes       text[]      not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);

-- A name identifies the integration in the journal (token:<name>), so two live tokens never share one.
create unique index security_api_token_live_name on security_api_token (lower(name)) where revoked_at is null;

-- Where repdesk sends case and need events. The secret signs every delivery, so it is kept as issued.
create table channel_webhook_subscription (
    id          uuid primary key,
    target_url  text        not null,
    description text        not null default '',
    event_types text[]      not null,
    secret      text        not null,
    active      boolean     not null default true,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- The outbox of webhook deliveries: one row per event and subscription, written with the event, sent by
-- whichever node claims it first. The payload is kept as the exact text that is signed and sent.
create table channel_webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references channel_webhook_subscription (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    claim_id         uuid,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz
);

create index channel_webhook_delivery_due on channel_webhook_delivery (next_attempt_at) where status = 'PENDING';
create index channel_webhook_delivery_recent on channel_webhook_delivery (subscription_id, created_at desc);
