-- A marked contact keeps where it happened (its case, day, channel, product and version), copied from the work it
-- was counted as when the mark is applied, so that the listening post reads the marks alone.
alter table insight_feedback add column case_id uuid;
alter table insight_feedback add column day date;
alter table insight_feedback add column channel text;
alter table insight_feedback add column product text;
alter table insight_feedback add column version text;

update insight_feedback f set case_id = w.case_id, day = w.day, channel = w.channel, product = w.product,
    version = w.version
from insight_work w where w.contact_id = f.contact_id;

create index insight_feedback_day on insight_feedback (day);
