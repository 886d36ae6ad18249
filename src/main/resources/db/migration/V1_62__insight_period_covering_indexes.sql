-- The dashboards read the period rollups through covering indexes (class, grain, period, with the columns they add
-- up): rows of one period are spread over the table as the projector updates them, and reading them from the index
-- alone visits no table page (once vacuum has marked the pages all-visible).
drop index insight_period_need_class;
create index insight_period_need_class on insight_period_need (demand_class, grain, period)
    include (need_id, stage, contacts, repeats, minutes, portal, inbound);
create index insight_period_organization_class on insight_period_organization (demand_class, grain, period)
    include (organization_id, contacts);
