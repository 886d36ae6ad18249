-- Whether a person linked (or confirmed) the case's need, and repdesk's confidence when it linked it alone.
alter table casework_case add column need_confirmed boolean not null default false;
alter table casework_case add column need_confidence real;
update casework_case set need_confirmed = true where need_id is not null and need_linked_by <> 'repdesk';
