-- Case outcomes per day for the team and agent metrics: a case counts on the day it opened (opened, opened with no
-- SLA breach, still open) and on the day it was resolved (resolved, resolved at the first reply and never reopened,
-- reopened), under its team, its assignee and the demand class and stage of its need now.
create table insight_daily_outcome (
    day            date   not null,
    team           text   not null,
    assignee       text   not null,
    demand_class   text   not null,
    stage          text   not null,
    opened         bigint not null,
    opened_in_time bigint not null,
    resolved       bigint not null,
    first_contact  bigint not null,
    reopened       bigint not null,
    open           bigint not null,
    primary key (day, team, assignee, demand_class, stage)
) with (fillfactor = 80);

-- The backlog is counted over every day before the range's end: the days that still have open cases are few.
create index insight_daily_outcome_open on insight_daily_outcome (day) where open > 0;

-- A need that is reclassified or changes stage moves the outcomes of its cases.
create index insight_case_need on insight_case (need_id);

-- Per need and per organization in periods of three grains (grain 'D' a day, 'W' the part of a week within one
-- month, 'M' a month; period is its first day), so that a dashboard over a year adds up a dozen months and a few
-- weeks and days per need or organization instead of every day.
create table insight_period_need (
    need_id      uuid   not null,
    grain        text   not null,
    period       date   not null,
    stage        text   not null,
    demand_class text   not null,
    contacts     bigint not null,
    inbound      bigint not null,
    repeats      bigint not null,
    minutes      bigint not null,
    portal       bigint not null,
    primary key (need_id, grain, period, stage)
) with (fillfactor = 80);
create index insight_period_need_class on insight_period_need (demand_class, grain, period);

-- demand_class '*' holds every class together.
create table insight_period_organization (
    grain           text   not null,
    period          date   not null,
    demand_class    text   not null,
    organization_id uuid   not null,
    contacts        bigint not null,
    inbound         bigint not null,
    repeats         bigint not null,
    minutes         bigint not null,
    primary key (grain, period, demand_class, organization_id)
) with (fillfactor = 80);

-- Seats per organization (customers on it), counted again for the organizations a batch's customers joined or left.
create table insight_seats (
    organization_id uuid primary key,
    seats           integer not null
);
create index insight_customer_organization on insight_customer (organization_id);

-- An organization's top needs in the range (the customers dashboard's drivers) read its own days only.
create index insight_daily_organization_org on insight_daily_organization (organization_id, day);

-- The rollups are built again from the journal, so that the new table counts every case: the projector starts
-- from the beginning at the next start.
truncate insight_need, insight_stage_span, insight_stage_move, insight_customer, insight_case, insight_work,
    insight_daily, insight_daily_organization, insight_daily_product, insight_daily_team, insight_daily_class,
    insight_daily_class_need, insight_daily_class_team, insight_daily_outcome, insight_period_need,
    insight_period_organization, insight_article_need,
    insight_organization, insight_seats, insight_goodwill, insight_feedback, insight_satisfaction;
update insight_position set sequence = 0 where projection = 'rollup';
