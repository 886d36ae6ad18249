-- Open cases per need, kept as the cases change, so that the inbox and the needs catalogue read one count per need
-- instead of counting every open case (linear in open cases: hundreds of thousands at a million contacts).
-- A change that opens, closes or relinks a case adds a signed row to casework_need_open_delta (inserts only, so
-- cases recorded at the same time never wait on one counter row); a cluster job folds those rows into
-- casework_need_open_total. A reader adds the two, which is exact in any snapshot: the fold deletes the rows it
-- adds in the same transaction.
create table casework_need_open_total (
    need_id    uuid primary key,
    open_cases bigint not null
);

create table casework_need_open_delta (
    id      bigserial primary key,
    need_id uuid    not null,
    delta   integer not null
);

create function casework_need_open_delta() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.is_open and old.need_id is not null then
        insert into casework_need_open_delta (need_id, delta) values (old.need_id, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.is_open and new.need_id is not null then
        insert into casework_need_open_delta (need_id, delta) values (new.need_id, 1);
    end if;
    return null;
end
$$;

create trigger casework_case_need_open_rows after insert or delete on casework_case
    for each row execute function casework_need_open_delta();

create trigger casework_case_need_open_changes after update of status, need_id on casework_case
    for each row when (old.is_open is distinct from new.is_open or old.need_id is distinct from new.need_id)
    execute function casework_need_open_delta();

insert into casework_need_open_total (need_id, open_cases)
select need_id, count(*) from casework_case where is_open and need_id is not null group by need_id;
