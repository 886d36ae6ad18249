-- A manager's decision on a lifecycle recommendation: accepted or dismissed, once per need and kind.
create table prevent_recommendation_decision (
    need_id     uuid        not null,
    kind        text        not null,
    decision    text        not null,
    decided_by  text        not null,
    decided_at  timestamptz not null,
    primary key (need_id, kind)
);
