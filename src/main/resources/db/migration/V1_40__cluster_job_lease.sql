-- Jobs that must run on one node at a time across the cluster (SLA clocks, need discovery, reading the
-- mailboxes): the node named in holder runs the job until expires_at; it renews the lease well before then,
-- and a node that stops renewing (killed, cut off) loses it to the next node that asks once it has expired.
-- Times are the database's, so the nodes' clocks need not agree.
create table cluster_job_lease (
    job         text        primary key,
    holder      text        not null,
    acquired_at timestamptz not null,
    expires_at  timestamptz not null,
    runs        bigint      not null default 0,
    last_run_at timestamptz
);
