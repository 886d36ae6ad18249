-- Mail waiting to go out over SMTP. A row is written in the same transaction as the reply it carries, so an SMTP
-- outage loses nothing; it is sent by one node at a time (rows are claimed with FOR UPDATE SKIP LOCKED) and
-- marked sent in the transaction that sent it, so a sent mail is not sent again.
create table channel_email_outbox (
    id              uuid primary key,
    message_id      text        not null unique,
    kind            text        not null check (kind in ('REPLY', 'NOTIFICATION')),
    case_id         uuid,
    contact_id      uuid unique,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text,
    in_reply_to     text,
    refs            text[]      not null default '{}',
    auto_submitted  boolean     not null default false,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index channel_email_outbox_due on channel_email_outbox (next_attempt_at) where status = 'PENDING';
create index channel_email_outbox_created on channel_email_outbox (created_at desc);
