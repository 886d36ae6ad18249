-- A need merged into another keeps its row (history) and points at the need that absorbed it.
alter table need_need add column merged_into uuid references need_need (id);
