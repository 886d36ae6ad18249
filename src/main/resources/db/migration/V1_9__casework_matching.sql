-- Contacts waiting to be matched to a need: written with the contact, removed once matched, so a
-- crash between the two only delays matching.
create table casework_match_request (
    contact_id   uuid primary key,
    case_id      uuid        not null,
    text         text        not null,
    requested_at timestamptz not null default now()
);

-- The candidate needs matching found for a case in triage, best first.
create table casework_case_suggestion (
    case_id    uuid    not null,
    rank       integer not null,
    need_id    uuid    not null,
    confidence real    not null,
    primary key (case_id, rank)
);

alter table casework_case add column new_need_score real;
alter table casework_case add column matched_at timestamptz;
