-- The Prevent module: test environments, engineering hand-offs, expected and released fix versions,
-- and the verification state of each handed-off need.

create table prevent_test_environment (
    id          uuid        primary key,
    name        text        not null unique,
    product     text,
    platform    text,
    version     text,
    plan        text,
    region      text,
    attributes  jsonb       not null default '{}',
    created_at  timestamptz not null
);

create table prevent_handoff (
    need_id         uuid        primary key,
    owner           text        not null,
    issue_url       text,
    handed_off_at   timestamptz not null,
    handed_off_by   text        not null,
    verification    text        not null,
    checked_at      timestamptz,
    verdict         text
);

create table prevent_fix (
    id          uuid        primary key,
    need_id     uuid        not null references prevent_handoff (need_id),
    product     text,
    platform    text,
    version     text        not null,
    released_at timestamptz,
    created_at  timestamptz not null
);

create index prevent_fix_need on prevent_fix (need_id);
