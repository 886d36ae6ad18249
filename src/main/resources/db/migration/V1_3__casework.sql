create sequence casework_case_reference start 1001;

create table casework_case (
    id              uuid primary key,
    reference       text        not null unique,
    customer_id     uuid        not null,
    subject         text        not null,
    status          text        not null check (status in
        ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY', 'RESOLVED', 'CLOSED')),
    is_open         boolean     not null generated always as (status not in ('RESOLVED', 'CLOSED')) stored,
    priority        text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    tier            text        not null check (tier in ('TIER_1', 'TIER_2', 'TIER_3', 'ENGINEERING')),
    assignee        text,
    need_id         uuid,
    need_linked_by  text,
    contact_count   integer     not null default 0,
    opened_at       timestamptz not null,
    last_contact_at timestamptz not null,
    updated_at      timestamptz not null
);

create index casework_case_open_need on casework_case (need_id, last_contact_at desc) where is_open;
create index casework_case_need on casework_case (need_id, opened_at desc);
create index casework_case_customer on casework_case (customer_id, opened_at desc);
create index casework_case_recent on casework_case (last_contact_at desc);
