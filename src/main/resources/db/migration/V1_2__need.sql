create table need_need (
    id           uuid primary key,
    key          text        not null unique,
    title        text        not null,
    description  text        not null default '',
    stage        text        not null check (stage in ('RESPOND', 'EMPOWER', 'PREVENT', 'ELIMINATED')),
    demand_class text        not null
        check (demand_class in ('UNCLASSIFIED', 'VALUE_ERODING', 'ROUTINE', 'VALUE_ADDING')),
    workaround   text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create index need_need_title on need_need (title, id);
