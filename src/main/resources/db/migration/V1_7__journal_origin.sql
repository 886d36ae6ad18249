-- Identifies this database's journal, so a node's local index can tell it was built from another one.
create table journal_origin (
    id uuid primary key default gen_random_uuid(),
    created_at timestamptz not null default now()
);
insert into journal_origin default values;
