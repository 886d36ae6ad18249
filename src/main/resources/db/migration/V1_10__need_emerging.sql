-- Emerging needs: groups of triage contacts that match no known need, found by discovery.
create table need_emerging (
    id               uuid primary key,
    title            text        not null,
    size             integer     not null,
    recent           integer     not null,
    previous         integer     not null,
    first_seen       timestamptz not null,
    last_seen        timestamptz not null,
    cases            uuid[]      not null,
    samples          jsonb       not null,
    concentrations   jsonb       not null,
    status           text        not null check (status in ('OPEN', 'PROMOTED', 'DISMISSED')),
    promoted_need_id uuid,
    updated_at       timestamptz not null
);

create index need_emerging_status on need_emerging (status);
