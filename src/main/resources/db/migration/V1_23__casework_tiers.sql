-- The support levels as each installation names them; a level out of use is not offered for escalation.
create table casework_tier (
    tier        text primary key check (tier in ('TIER_1', 'TIER_2', 'TIER_3', 'ENGINEERING')),
    position    int     not null unique,
    name        text    not null unique,
    description text    not null default '',
    in_use      boolean not null default true
);

insert into casework_tier (tier, position, name, description) values
    ('TIER_1', 1, 'Tier 1', 'First contact: answers known needs and gathers what the next level will ask for.'),
    ('TIER_2', 2, 'Tier 2', 'Specialists: diagnose what tier 1 could not, reproduce, find workarounds.'),
    ('TIER_3', 3, 'Tier 3', 'Experts: the hardest cases, data fixes, deep product knowledge.'),
    ('ENGINEERING', 4, 'Engineering', 'Defects and root causes: the people who change the product.');
