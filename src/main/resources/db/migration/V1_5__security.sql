create table security_agent (
    username      text primary key,
    display_name  text    not null,
    role          text    not null check (role in ('AGENT', 'MANAGER', 'ADMIN')),
    enabled       boolean not null default true,
    password_hash text    not null
);
