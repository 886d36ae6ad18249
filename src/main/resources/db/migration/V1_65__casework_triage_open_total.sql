-- Open cases in triage (no need yet) are kept like the open cases per need (V1_63), under the nil UUID, so that
-- the inbox reads the triage count instead of counting every open case without a need (most of them while
-- matching catches up: a second at 770,000).
create or replace function casework_need_open_delta() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.is_open then
        insert into casework_need_open_delta (need_id, delta)
        values (coalesce(old.need_id, '00000000-0000-0000-0000-000000000000'), -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.is_open then
        insert into casework_need_open_delta (need_id, delta)
        values (coalesce(new.need_id, '00000000-0000-0000-0000-000000000000'), 1);
    end if;
    return null;
end
$$;

insert into casework_need_open_total (need_id, open_cases)
select '00000000-0000-0000-0000-000000000000', count(*) from casework_case where is_open and need_id is null
having count(*) > 0;
