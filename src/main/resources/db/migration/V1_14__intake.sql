-- Intake flows: questions with rationale and branching, per category (a need key or product area) and
-- optionally channel. The flow row holds the current version; every version is kept.
create table intake_flow (
    id         uuid primary key,
    name       text        not null,
    category   text        not null,
    channel    text,
    version    integer     not null check (version > 0),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
-- One flow per category and channel, so choosing a flow for a case is never ambiguous.
create unique index intake_flow_selection on intake_flow (lower(category), coalesce(channel, ''));

create table intake_flow_version (
    flow_id    uuid        not null references intake_flow (id),
    version    integer     not null check (version > 0),
    name       text        not null,
    category   text        not null,
    channel    text,
    questions  jsonb       not null,
    created_at timestamptz not null,
    created_by text        not null,
    primary key (flow_id, version)
);

-- The flow each case follows (at most one); case ids come from casework, which intake only calls.
create table intake_case_flow (
    case_id     uuid primary key,
    flow_id     uuid        not null references intake_flow (id),
    attached_at timestamptz not null,
    attached_by text        not null
);

-- Answers as structured diagnostics: one current answer per case, flow and question; earlier values are
-- in the journal. Analytics look answers up by question and value.
create table intake_answer (
    case_id      uuid        not null,
    flow_id      uuid        not null,
    version      integer     not null,
    question_key text        not null,
    value        text        not null,
    answered_at  timestamptz not null,
    answered_by  text        not null,
    primary key (case_id, flow_id, question_key),
    foreign key (flow_id, version) references intake_flow_version (flow_id, version)
);
create index intake_answer_question_value on intake_answer (question_key, value);
