create table contact_contact (
    id              uuid primary key,
    customer_id     uuid        not null,
    case_id         uuid        not null,
    channel         text        not null check (channel in ('EMAIL', 'PORTAL', 'CHAT', 'PHONE', 'SOCIAL', 'API')),
    direction       text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    occurred_at     timestamptz not null,
    subject         text        not null,
    body            text        not null,
    author          text        not null,
    idempotency_key text        not null unique,
    recorded_at     timestamptz not null default now()
);

create index contact_contact_case on contact_contact (case_id, occurred_at);
create index contact_contact_customer on contact_contact (customer_id, occurred_at);

-- Contacts are immutable once recorded.
create function contact_contact_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'contact_contact rows are immutable';
end $$;

create trigger contact_contact_no_update before update on contact_contact
    for each statement execute function contact_contact_immutable();
