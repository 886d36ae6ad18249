-- A marked contact keeps the need its case is about now, so that the listening post reads the marks and the needs
-- alone; the projector follows a case linked to another need.
alter table insight_feedback add column need_id uuid;

update insight_feedback f set need_id = c.need_id from insight_case c where c.case_id = f.case_id;

create index insight_feedback_case on insight_feedback (case_id);
