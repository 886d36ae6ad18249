-- What became of each case's SLA targets, kept by the SLA pass, and counted per policy, day of opening, team,
-- target and outcome, so that the SLA report reads a few hundred counts instead of replaying every case in its
-- range (linear in cases: seconds at a million contacts).
--
-- The SLA pass writes a case's rows whenever it evaluates the case: every open case on every pass, and a case
-- that stops being open once more (casework_sla_settle lists those until the pass has been through them).
-- Outcomes: 0 met, 1 missed, 2 pending. A target a case did not owe (resolved without needing a reply) has no row.
create table casework_sla_outcome (
    case_id   uuid     not null references casework_case (id) on delete cascade,
    policy_id uuid     not null,
    target    text     not null,
    opened_on date     not null,
    team_id   uuid,
    outcome   smallint not null check (outcome between 0 and 2),
    primary key (case_id, policy_id, target)
);

-- Counts per policy, day, team, target and outcome: folded from the changes below by the count-folding job.
create table casework_sla_tally (
    policy_id uuid     not null,
    opened_on date     not null,
    team_id   uuid,
    target    text     not null,
    outcome   smallint not null,
    cases     bigint   not null,
    unique nulls not distinct (policy_id, opened_on, team_id, target, outcome)
);

create index casework_sla_tally_day on casework_sla_tally (opened_on);

-- Signed changes to those counts, one per written outcome row: inserts only, so the pass never waits on a count.
create table casework_sla_tally_delta (
    id        bigserial primary key,
    policy_id uuid     not null,
    opened_on date     not null,
    team_id   uuid,
    target    text     not null,
    outcome   smallint not null,
    delta     integer  not null
);

create function casework_sla_tally_delta() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into casework_sla_tally_delta (policy_id, opened_on, team_id, target, outcome, delta)
        values (old.policy_id, old.opened_on, old.team_id, old.target, old.outcome, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into casework_sla_tally_delta (policy_id, opened_on, team_id, target, outcome, delta)
        values (new.policy_id, new.opened_on, new.team_id, new.target, new.outcome, 1);
    end if;
    return null;
end
$$;

create trigger casework_sla_outcome_counts after insert or update or delete on casework_sla_outcome
    for each row execute function casework_sla_tally_delta();

-- Cases the SLA pass evaluates once more although they are not open: closed (or recorded closed) since it last
-- saw them, or moved to another team while closed.
create table casework_sla_settle (
    case_id uuid primary key
);

create function casework_sla_settle() returns trigger language plpgsql as $$
begin
    if not new.is_open and (tg_op = 'INSERT' or old.is_open or old.team_id is distinct from new.team_id) then
        insert into casework_sla_settle (case_id) values (new.id) on conflict do nothing;
    end if;
    return null;
end
$$;

create trigger casework_case_sla_settle_new after insert on casework_case
    for each row execute function casework_sla_settle();

create trigger casework_case_sla_settle after update of status, team_id on casework_case
    for each row when (old.is_open is distinct from new.is_open or old.team_id is distinct from new.team_id)
    execute function casework_sla_settle();

-- Cases recorded before this: the pass evaluates each once (open ones anyway), a page at a time.
insert into casework_sla_settle (case_id) select id from casework_case where not is_open;
