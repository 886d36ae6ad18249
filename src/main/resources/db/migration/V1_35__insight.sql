-- The insight read models: fed only by the journal, rebuilt from it on demand.

-- How far each projection has applied the journal.
create table insight_position (
    projection text primary key,
    sequence   bigint not null
);
insert into insight_position (projection, sequence) values ('rollup', 0);

-- Needs as the journal described them; the zero id stands for "no need yet" (triage).
create table insight_need (
    need_id      uuid primary key,
    title        text        not null,
    stage        text        not null,
    demand_class text        not null,
    created_at   timestamptz not null,
    stage_since  timestamptz not null,
    merged_into  uuid
);

-- Every stage a need has passed through, for the time spent in each stage.
create table insight_stage_span (
    need_id    uuid        not null,
    stage      text        not null,
    entered_at timestamptz not null,
    left_at    timestamptz,
    sequence   bigint      primary key
);
create index insight_stage_span_need on insight_stage_span (need_id) where left_at is null;
create index insight_stage_span_left on insight_stage_span (left_at);

-- Each move between stages.
create table insight_stage_move (
    sequence   bigint primary key,
    need_id    uuid        not null,
    moved_at   timestamptz not null,
    from_stage text        not null,
    to_stage   text        not null
);
create index insight_stage_move_at on insight_stage_move (moved_at);

create table insight_organization (
    organization_id uuid primary key,
    name            text not null,
    plan            text not null
);

create table insight_customer (
    customer_id     uuid primary key,
    organization_id uuid not null,
    plan            text not null,
    product         text not null,
    version         text not null
);

create table insight_case (
    case_id     uuid primary key,
    reference   text        not null,
    customer_id uuid        not null,
    need_id     uuid        not null,
    inbound     integer     not null default 0,
    team        text        not null default '',
    merged_into uuid,
    status      text        not null default 'NEW',
    opened_at   timestamptz not null,
    resolved_at timestamptz,
    assignee    text        not null default '',
    replies     integer     not null default 0,
    reopens     integer     not null default 0,
    breaches    integer     not null default 0
);
create index insight_case_reference on insight_case (reference);
create index insight_case_customer on insight_case (customer_id);
create index insight_case_opened on insight_case (opened_at);

-- One row per unit of work (a contact or a priced case event), kept so that a case linked to another
-- need later moves its history along.
create table insight_work (
    sequence        bigint primary key,
    case_id         uuid    not null,
    day             date    not null,
    channel         text    not null,
    stage           text    not null,
    organization_id uuid    not null,
    product         text    not null,
    version         text    not null,
    team            text    not null,
    contacts        integer not null,
    inbound         integer not null,
    repeats         integer not null,
    minutes         integer not null,
    contact_id      uuid
);
create index insight_work_case on insight_work (case_id);
create index insight_work_contact on insight_work (contact_id) where contact_id is not null;

-- Daily rollups, one per set of dimensions the dashboards slice by.
create table insight_daily (
    day      date   not null,
    need_id  uuid   not null,
    stage    text   not null,
    channel  text   not null,
    contacts bigint not null,
    inbound  bigint not null,
    repeats  bigint not null,
    minutes  bigint not null,
    primary key (day, need_id, stage, channel)
);

create table insight_daily_organization (
    day             date   not null,
    organization_id uuid   not null,
    need_id         uuid   not null,
    contacts        bigint not null,
    inbound         bigint not null,
    repeats         bigint not null,
    minutes         bigint not null,
    primary key (day, organization_id, need_id)
);

create table insight_daily_product (
    day      date   not null,
    product  text   not null,
    version  text   not null,
    need_id  uuid   not null,
    contacts bigint not null,
    inbound  bigint not null,
    repeats  bigint not null,
    minutes  bigint not null,
    primary key (day, product, version, need_id)
);

create table insight_daily_team (
    day      date   not null,
    team     text   not null,
    need_id  uuid   not null,
    contacts bigint not null,
    inbound  bigint not null,
    repeats  bigint not null,
    minutes  bigint not null,
    primary key (day, team, need_id)
);

-- Which needs each article serves, and whether customers can read it now (published, public).
create table insight_article_need (
    article_id uuid    not null,
    need_id    uuid    not null,
    live       boolean not null,
    primary key (article_id, need_id)
);

-- Goodwill gestures given to customers (credits, waivers), as journaled.
create table insight_goodwill (
    sequence    bigint primary key,
    customer_id uuid          not null,
    kind        text          not null,
    amount      numeric(12, 2) not null,
    currency    text          not null,
    reason      text          not null,
    given_by    text          not null,
    given_at    timestamptz   not null
);
create index insight_goodwill_customer on insight_goodwill (customer_id, given_at desc);

-- Contacts an agent marked as feedback or a suggestion, for the listening post.
create table insight_feedback (
    contact_id uuid primary key,
    kind       text        not null,
    excerpt    text        not null,
    marked_by  text        not null,
    marked_at  timestamptz not null
);
create index insight_feedback_marked on insight_feedback (marked_at);
