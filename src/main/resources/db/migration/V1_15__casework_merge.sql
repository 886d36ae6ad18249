-- A duplicate case merged into another: closed, pointing at the case that carries on. Its contacts stay
-- as recorded (contacts are immutable) and are shown on the surviving case.
alter table casework_case add column merged_into uuid references casework_case (id);
create index casework_case_merged_into on casework_case (merged_into) where merged_into is not null;
