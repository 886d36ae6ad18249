-- The journal sequence every confirmation committed before the contact was recorded lies within: matching
-- waits until this node's index has learned that far, not until it has caught up with the whole journal.
alter table casework_match_request add column learned_through bigint not null default 0;
