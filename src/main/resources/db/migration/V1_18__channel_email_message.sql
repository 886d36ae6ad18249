-- Every email message repdesk received or sent, by Message-ID: how replies find their case.
create table channel_email_message (
    message_id  text primary key,
    case_id     uuid        not null,
    contact_id  uuid,
    direction   text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    recorded_at timestamptz not null default now()
);

create index channel_email_message_case on channel_email_message (case_id, recorded_at);
