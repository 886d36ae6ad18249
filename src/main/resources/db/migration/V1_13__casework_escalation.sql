-- Teams work the cases of one tier; members take cases by hand, in turn, or the least loaded first.
create table casework_team (
    id            uuid primary key,
    name          text        not null unique,
    tier          text        not null check (tier in ('TIER_1', 'TIER_2', 'TIER_3', 'ENGINEERING')),
    assignment    text        not null check (assignment in ('MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED')),
    last_assigned text,
    updated_at    timestamptz not null
);

create table casework_team_member (
    team_id   uuid    not null references casework_team (id),
    agent     text    not null,
    available boolean not null default true,
    primary key (team_id, agent)
);

alter table casework_case add column team_id uuid references casework_team (id);
create index casework_case_team on casework_case (team_id, last_contact_at desc) where is_open;

-- When a case can (suggested) or must (automatic) move up, and to whom.
create table casework_escalation_rule (
    id                 uuid primary key,
    name               text        not null unique,
    trigger            text        not null check (trigger in
        ('SLA_WARNING', 'SLA_BREACH', 'NEED_UNKNOWN', 'PRIORITY', 'CUSTOMER_PLAN')),
    need_unknown_hours integer check (need_unknown_hours > 0),
    priority           text,
    plan               text,
    to_tier            text        not null check (to_tier in ('TIER_2', 'TIER_3', 'ENGINEERING')),
    to_team_id         uuid references casework_team (id),
    mandatory          boolean     not null,
    active             boolean     not null,
    rank               integer     not null,
    updated_at         timestamptz not null,
    check (trigger <> 'NEED_UNKNOWN' or need_unknown_hours is not null),
    check (trigger <> 'PRIORITY' or priority is not null),
    check (trigger <> 'CUSTOMER_PLAN' or plan is not null)
);

-- Every escalation with the whole record: from and to, why, by whom or which rule, and who took it.
create table casework_escalation (
    id           uuid primary key,
    case_id      uuid        not null references casework_case (id),
    from_tier    text        not null,
    to_tier      text        not null,
    from_team_id uuid,
    to_team_id   uuid,
    reason       text        not null,
    rule_id      uuid references casework_escalation_rule (id),
    escalated_by text        not null,
    assignee     text,
    at           timestamptz not null
);
create index casework_escalation_case on casework_escalation (case_id, at);

-- What agents write on a case for each other (never shown to the customer): notes, attempts, workarounds.
create table casework_case_note (
    id         uuid primary key,
    case_id    uuid        not null references casework_case (id),
    kind       text        not null check (kind in ('NOTE', 'ATTEMPT', 'WORKAROUND')),
    body       text        not null,
    author     text        not null,
    written_at timestamptz not null
);
create index casework_case_note_case on casework_case_note (case_id, written_at);
