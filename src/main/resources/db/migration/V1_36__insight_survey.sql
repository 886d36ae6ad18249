-- The satisfaction survey sent after a case is resolved: one per case, its link's token kept only as a hash.
create table survey_invitation (
    case_id     uuid primary key,
    customer_id uuid        not null,
    token_hash  bytea       not null unique,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    answered_at timestamptz,
    score       integer check (score between 1 and 5),
    comment     text
);

-- Each answer as the journal told it, with the need, team and agent of the case when it was answered.
create table insight_satisfaction (
    sequence    bigint primary key,
    case_id     uuid        not null,
    customer_id uuid        not null,
    need_id     uuid        not null,
    team        text        not null,
    agent       text        not null,
    score       integer     not null,
    answered_at timestamptz not null
);
create index insight_satisfaction_answered on insight_satisfaction (answered_at);
create index insight_satisfaction_customer on insight_satisfaction (customer_id);
