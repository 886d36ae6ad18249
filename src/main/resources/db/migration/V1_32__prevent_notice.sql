-- Proactive notices: a message about a need sent to a cohort of customers who have not contacted us about it.
create table prevent_notice (
    id          uuid        primary key,
    need_id     uuid        not null,
    cohort      jsonb       not null,
    subject     text        not null,
    body        text        not null,
    sent_at     timestamptz not null,
    sent_by     text        not null,
    cohort_size integer     not null,
    already_affected integer not null,
    opted_out   integer     not null
);

create index prevent_notice_need on prevent_notice (need_id, sent_at);

create table prevent_notice_recipient (
    notice_id   uuid not null references prevent_notice (id),
    customer_id uuid not null,
    email       text not null,
    token       text not null unique,
    primary key (notice_id, customer_id)
);
