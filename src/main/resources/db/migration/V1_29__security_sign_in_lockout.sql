-- Failed sign-ins in a row per agent, and until when the account is locked after too many.
alter table security_agent add column failed_sign_ins integer not null default 0;
alter table security_agent add column locked_until timestamptz;
