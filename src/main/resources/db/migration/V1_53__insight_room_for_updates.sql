-- The projector updates cases and rollup rows in place batch after batch, changing no indexed column: room left
-- on each page lets PostgreSQL keep the new row version on the same page without touching the indexes.
alter table insight_case set (fillfactor = 80);
alter table insight_daily set (fillfactor = 80);
alter table insight_daily_organization set (fillfactor = 80);
alter table insight_daily_product set (fillfactor = 80);
alter table insight_daily_team set (fillfactor = 80);
alter table insight_daily_class set (fillfactor = 80);
alter table insight_daily_class_need set (fillfactor = 80);
alter table insight_daily_class_team set (fillfactor = 80);

-- The backlog (cases not resolved) is read apart from the other team metrics, for its median age.
create index insight_case_open on insight_case (opened_at) where resolved_at is null;
