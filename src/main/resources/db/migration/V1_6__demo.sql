-- One row once the demo data has been loaded, so later starts do not load it again.
create table demo_load (
    loaded_at     timestamptz not null default now(),
    seed          bigint      not null,
    history_ends  date        not null,
    organizations integer     not null,
    customers     integer     not null,
    cases         integer     not null,
    contacts      integer     not null
);
