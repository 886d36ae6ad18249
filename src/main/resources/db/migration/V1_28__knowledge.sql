-- Knowledge articles (KCS: issue in the customer's words, environment, resolution, cause), each linked to
-- the service needs it answers. Every saved state of an article is kept in knowledge_article_version.
create table knowledge_article (
    id           uuid primary key,
    number       bigint generated always as identity unique,
    title        text        not null,
    issue        text        not null,
    environment  text        not null default '',
    resolution   text        not null,
    cause        text        not null default '',
    product      text,
    audience     text        not null check (audience in ('PUBLIC', 'INTERNAL')),
    state        text        not null check (state in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    version      int         not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    published_at timestamptz,
    published_by text
);

create index knowledge_article_state on knowledge_article (state, updated_at desc);

create table knowledge_article_need (
    article_id uuid not null references knowledge_article (id),
    need_id    uuid not null,
    primary key (article_id, need_id)
);

create index knowledge_article_need_need on knowledge_article_need (need_id);

create table knowledge_article_version (
    article_id  uuid        not null references knowledge_article (id),
    version     int         not null,
    state       text        not null,
    title       text        not null,
    issue       text        not null,
    environment text        not null,
    resolution  text        not null,
    cause       text        not null,
    product     text,
    audience    text        not null,
    need_ids    uuid[]      not null,
    saved_at    timestamptz not null,
    saved_by    text        not null,
    note        text,
    primary key (article_id, version)
);

-- An agent put an article into a reply on a case (KCS: reuse is review); the agent may flag it as needing
-- improvement at the same time or later.
create table knowledge_reuse (
    id                uuid primary key,
    article_id        uuid        not null references knowledge_article (id),
    case_id           uuid        not null,
    agent             text        not null,
    reused_at         timestamptz not null,
    needs_improvement boolean     not null default false,
    improvement_note  text
);

create index knowledge_reuse_article on knowledge_reuse (article_id);

-- A customer's self-service visit: searches, article views, "this solved it", and whether a request
-- followed within 24 hours.
create table knowledge_session (
    id               uuid primary key,
    customer_id      uuid,
    started_at       timestamptz not null,
    last_seen_at     timestamptz not null,
    request_filed_at timestamptz
);

create index knowledge_session_customer on knowledge_session (customer_id, last_seen_at);

create table knowledge_session_event (
    id         bigint generated always as identity primary key,
    session_id uuid        not null references knowledge_session (id),
    kind       text        not null check (kind in ('SEARCH', 'VIEW', 'SOLVED')),
    article_id uuid references knowledge_article (id),
    need_id    uuid,
    query      text,
    results    int,
    at         timestamptz not null
);

create index knowledge_session_event_session on knowledge_session_event (session_id);
create index knowledge_session_event_article on knowledge_session_event (article_id, kind);
create index knowledge_session_event_need on knowledge_session_event (need_id, kind);
