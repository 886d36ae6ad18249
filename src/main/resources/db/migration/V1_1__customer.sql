create table customer_organization (
    id         uuid primary key,
    name       text        not null,
    plan       text,
    created_at timestamptz not null
);

create table customer_customer (
    id              uuid primary key,
    organization_id uuid references customer_organization (id),
    name            text        not null,
    email           text        not null,
    product         text,
    version         text,
    platform        text,
    plan            text,
    region          text,
    attributes      jsonb       not null default '{}',
    account_manager text,
    created_at      timestamptz not null
);

create unique index customer_customer_email on customer_customer (lower(email));
create index customer_customer_organization on customer_customer (organization_id);
create index customer_customer_name on customer_customer (name, id);
