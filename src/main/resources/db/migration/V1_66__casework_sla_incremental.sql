-- The SLA pass evaluates a case when something its clocks depend on changed, or when time alone changes them,
-- instead of every open case on every pass; now and then (and whenever a policy or calendar changed) it still
-- evaluates every open case.

-- Open cases in id order, for the passes that walk them all (most cases are closed in a desk that has run a while).
create index casework_case_open_id on casework_case (id) where is_open;

-- When time alone next changes the case's clocks: the earliest warning or due moment of a clock that counts.
alter table casework_case_sla add column check_at timestamptz;
create index casework_case_sla_check on casework_case_sla (check_at, case_id) where check_at is not null;

-- Cases to evaluate at the next pass: any change to the case or its activity puts it here (it held only the cases
-- that stopped being open, or changed team while closed).
alter table casework_sla_settle rename to casework_sla_stale;
drop trigger casework_case_sla_settle_new on casework_case;
drop trigger casework_case_sla_settle on casework_case;
drop function casework_sla_settle();

create function casework_sla_stale_case() returns trigger language plpgsql as $$
begin
    insert into casework_sla_stale (case_id) values (new.id) on conflict do nothing;
    return null;
end
$$;

create trigger casework_case_sla_stale_new after insert on casework_case
    for each row execute function casework_sla_stale_case();

create trigger casework_case_sla_stale after update on casework_case
    for each row when (old.* is distinct from new.*) execute function casework_sla_stale_case();

create function casework_sla_stale_activity() returns trigger language plpgsql as $$
begin
    insert into casework_sla_stale (case_id) select distinct case_id from added on conflict do nothing;
    return null;
end
$$;

create trigger casework_case_activity_sla_stale after insert on casework_case_activity
    referencing new table as added for each statement execute function casework_sla_stale_activity();

create function casework_sla_stale_activity_moved() returns trigger language plpgsql as $$
begin
    insert into casework_sla_stale (case_id) values (old.case_id) on conflict do nothing;
    if tg_op = 'UPDATE' then
        insert into casework_sla_stale (case_id) values (new.case_id) on conflict do nothing;
    end if;
    return null;
end
$$;

create trigger casework_case_activity_sla_moved after update or delete on casework_case_activity
    for each row execute function casework_sla_stale_activity_moved();

-- The policies and calendars (a digest of their rows) the last pass over every open case used, and when it ran.
create table casework_sla_full_pass (
    id          boolean primary key default true check (id),
    fingerprint text        not null,
    passed_at   timestamptz not null
);
