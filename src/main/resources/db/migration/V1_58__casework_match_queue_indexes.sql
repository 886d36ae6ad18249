-- Workers take the oldest waiting requests first: without an index on the order every claim scanned and
-- sorted the whole queue, so draining a backlog of n requests cost n².
create index casework_match_request_requested_at on casework_match_request (requested_at);
-- The case page asks whether its case still waits for matching.
create index casework_match_request_case on casework_match_request (case_id);
