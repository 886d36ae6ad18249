-- Emptying the journal is refused like changing or removing its rows (V1_0 covers UPDATE and DELETE).
-- Restore loads a backup with session_replication_role = replica, under which ordinary triggers do not fire,
-- so it can still empty the freshly migrated table before loading the archived rows.
create trigger journal_event_no_truncate before truncate on journal_event
    for each statement execute function journal_event_immutable();

-- A role that connects without being a superuser loses the privileges as well, so the refusal does not depend
-- on the triggers alone. Superusers (the embedded PostgreSQL's "postgres") bypass privileges; for them the
-- triggers are the guard. The owner keeps the right to grant them back: see docs/security.md for a separate
-- owner role in external deployments.
do $$
begin
    if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('revoke update, delete, truncate on journal_event from %I', current_user);
    end if;
    revoke update, delete, truncate on journal_event from public;
end $$;
