-- Daily rollups per demand class, for the demand dashboard. A need's class is the one it has now: when a need is
-- reclassified, the projector moves what was counted for it to the new class. Work on no need (triage) and on a
-- need not defined yet counts under the empty class.
create table insight_daily_class (
    day          date   not null,
    demand_class text   not null,
    stage        text   not null,
    channel      text   not null,
    contacts     bigint not null,
    inbound      bigint not null,
    repeats      bigint not null,
    minutes      bigint not null,
    primary key (day, demand_class, stage, channel)
);

-- Per need without the channel, the need's class beside it, for the demand dashboard's top needs. "portal" counts
-- the inbound contacts that came through the portal (self-service).
create table insight_daily_class_need (
    need_id      uuid   not null,
    day          date   not null,
    stage        text   not null,
    demand_class text   not null,
    contacts     bigint not null,
    inbound      bigint not null,
    repeats      bigint not null,
    minutes      bigint not null,
    portal       bigint not null,
    primary key (need_id, day, stage)
);
create index insight_daily_class_need_day on insight_daily_class_need (demand_class, day);

create table insight_daily_class_team (
    day          date   not null,
    demand_class text   not null,
    team         text   not null,
    contacts     bigint not null,
    inbound      bigint not null,
    repeats      bigint not null,
    minutes      bigint not null,
    primary key (day, demand_class, team)
);
