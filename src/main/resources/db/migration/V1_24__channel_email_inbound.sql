-- Inbound emails that did not become contacts: bounces, auto-replies, and messages that could not be read.
-- Each is kept with its original (when the store took it) so that nothing received is silently dropped.
create table channel_email_ignored (
    id              uuid primary key,
    message_key     text        not null unique,
    mailbox         text        not null,
    reason          text        not null check (reason in ('BOUNCE', 'AUTO_REPLY', 'UNREADABLE', 'NO_SENDER')),
    detail          text        not null,
    sender          text,
    subject         text,
    message_id      text,
    case_id         uuid,
    original_sha256 text check (original_sha256 ~ '^[0-9a-f]{64}$'),
    original_size   bigint,
    received_at     timestamptz not null
);

create index channel_email_ignored_received on channel_email_ignored (received_at desc);

-- Files of an inbound email that were not kept (over the size limit), listed with their contact and why.
create table channel_email_refused (
    contact_id uuid   not null,
    position   int    not null,
    filename   text   not null,
    media_type text   not null,
    size       bigint not null,
    reason     text   not null,
    primary key (contact_id, position)
);
