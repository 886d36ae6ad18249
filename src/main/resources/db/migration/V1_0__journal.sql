-- The append-only journal: audit timeline and ordered outbox for every module.
create table journal_event (
    sequence    bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    stream      text        not null,
    stream_id   uuid        not null,
    type        text        not null,
    actor       text        not null,
    payload     jsonb       not null
);

create index journal_event_stream on journal_event (stream, stream_id, sequence);

-- Journal rows are never changed or removed.
create function journal_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'journal_event is append-only';
end $$;

create trigger journal_event_no_update before update or delete on journal_event
    for each statement execute function journal_event_immutable();
