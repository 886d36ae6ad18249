-- The SLA report and other period views pick cases by when they were opened.
create index casework_case_opened on casework_case (opened_at);
