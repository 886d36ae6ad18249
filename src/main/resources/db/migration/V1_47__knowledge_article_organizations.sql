-- An article for customers may be limited to one or more organizations: only signed-in portal customers of
-- those organizations find, are suggested, read and are counted against it. No row means every customer.
create table knowledge_article_organization (
    article_id      uuid not null references knowledge_article (id),
    organization_id uuid not null,
    primary key (article_id, organization_id)
);

create index knowledge_article_organization_organization on knowledge_article_organization (organization_id);

alter table knowledge_article_version add column organization_ids uuid[] not null default '{}';
