-- Upgrade warnings already raised: a need hit at a higher rate by the first customers on a new version. One row per
-- need, product, platform and version, so that each warning is journaled once, when first raised.
create table prevent_upgrade_warning (
    need_id   uuid        not null,
    product   text        not null,
    platform  text        not null,
    version   text        not null,
    raised_at timestamptz not null,
    primary key (need_id, product, platform, version)
);
