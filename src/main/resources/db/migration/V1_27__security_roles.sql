-- Agent roles become the permission matrix's roles (docs/security.md); every former agent works tier 1.
alter table security_agent drop constraint if exists security_agent_role_check;
update security_agent set role = 'TIER_1_AGENT' where role = 'AGENT';
alter table security_agent add constraint security_agent_role_check check (role in
    ('TIER_1_AGENT', 'TIER_2_AGENT', 'ENGINEER', 'KNOWLEDGE_AUTHOR', 'ACCOUNT_MANAGER', 'MANAGER', 'ADMIN'));
