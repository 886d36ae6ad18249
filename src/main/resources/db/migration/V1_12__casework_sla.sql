-- What the SLA clocks are computed from: each case's opening, status changes, and messages in and out.
create table casework_case_activity (
    case_id uuid        not null references casework_case (id),
    seq     bigserial   not null,
    at      timestamptz not null,
    kind    text        not null check (kind in ('OPENED', 'STATUS', 'CUSTOMER_MESSAGE', 'AGENT_REPLY')),
    status  text,
    primary key (case_id, seq)
);

alter table casework_case add column channel text;
alter table casework_case add column status_changed_at timestamptz;
update casework_case set status_changed_at = updated_at;
alter table casework_case alter column status_changed_at set not null;

insert into casework_case_activity (case_id, at, kind, status)
select id, opened_at, 'OPENED', 'NEW' from casework_case;
insert into casework_case_activity (case_id, at, kind, status)
select id, updated_at, 'STATUS', status from casework_case where status <> 'NEW';

-- Business-hours calendars: weekly hours in a time zone, and holidays.
create table casework_calendar (
    id         uuid primary key,
    name       text        not null unique,
    zone       text        not null,
    hours      jsonb       not null,
    holidays   jsonb       not null,
    updated_at timestamptz not null
);

-- SLA policies: formal (promised to the customer) or informal (internal targets), chosen by conditions.
create table casework_sla_policy (
    id                     uuid primary key,
    name                   text        not null unique,
    kind                   text        not null check (kind in ('FORMAL', 'INFORMAL')),
    rank                   integer     not null,
    calendar_id            uuid        not null references casework_calendar (id),
    first_response_minutes integer check (first_response_minutes > 0),
    next_response_minutes  integer check (next_response_minutes > 0),
    resolution_minutes     integer check (resolution_minutes > 0),
    pause_statuses         text[]      not null,
    warning_minutes        integer     not null check (warning_minutes >= 0),
    organization_id        uuid,
    plan                   text,
    priority               text,
    channel                text,
    need_id                uuid,
    active                 boolean     not null default true,
    updated_at             timestamptz not null,
    check (coalesce(first_response_minutes, next_response_minutes, resolution_minutes) is not null)
);

-- The clocks of each open case as last computed: what the inbox sorts and warns by.
create table casework_case_sla (
    case_id     uuid primary key references casework_case (id),
    next_due_at timestamptz,
    at_risk     boolean     not null,
    breached    boolean     not null,
    computed_at timestamptz not null
);
create index casework_case_sla_due on casework_case_sla (next_due_at) where next_due_at is not null;

-- Every breach, once: which case, which policy and target, and when.
create table casework_sla_breach (
    case_id     uuid        not null references casework_case (id),
    policy_id   uuid        not null references casework_sla_policy (id),
    target      text        not null,
    breached_at timestamptz not null,
    recorded_at timestamptz not null,
    primary key (case_id, policy_id, target, breached_at)
);
