-- The Prevent signals read model: fed only by the journal (tailed in sequence order), rebuilt from it on demand.

-- How far the signals have applied the journal; the row is locked while a batch is applied, so each entry counts
-- once whichever node applies it. customers_changed: the last entry that changed a customer's environment.
create table prevent_signal_position (
    projection        text   primary key,
    sequence          bigint not null,
    customers_changed bigint not null
);
insert into prevent_signal_position (projection, sequence, customers_changed) values ('signals', 0, 0);

-- One row per case: its need now, its customer, when it opened and was resolved, its messages and priced work.
create table prevent_signal_case (
    case_id     uuid        primary key,
    need_id     uuid,
    customer_id uuid        not null,
    opened_at   timestamptz not null,
    status      text        not null,
    status_at   timestamptz not null,
    inbound     integer     not null,
    replies     integer     not null,
    minutes     bigint      not null,
    merged      boolean     not null
);
create index prevent_signal_case_need on prevent_signal_case (need_id, opened_at) where not merged;

-- The customer's messages per case and day, so that a case linked to another need takes its days along.
create table prevent_signal_case_day (
    case_id  uuid    not null,
    day      date    not null,
    contacts integer not null,
    primary key (case_id, day)
);

-- The customer's messages per need, day and customer: contacts per day or week, and distinct customers per week.
create table prevent_signal_day (
    need_id     uuid    not null,
    day         date    not null,
    customer_id uuid    not null,
    contacts    integer not null,
    primary key (need_id, day, customer_id)
);

-- Each customer's environment as it changed: the first row holds from the start, each later one from its moment.
create table prevent_profile (
    customer_id uuid        not null,
    valid_from  timestamptz not null,
    sequence    bigint      not null,
    product     text,
    platform    text,
    version     text,
    primary key (customer_id, valid_from, sequence)
);
