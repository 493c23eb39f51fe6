-- What the Allawee face adds to the registry: a client reference, an active/inactive status, free
-- metadata, verification tiers, and API keys.

alter table customers
    add column reference text,
    add column status text not null default 'active' check (status in ('active', 'inactive')),
    -- json, not jsonb: metadata is returned exactly as it was sent, key order included
    add column metadata json not null default '{}';

create unique index customers_reference_unique on customers (platform_id, mode, reference) where reference is not null;
create index customers_tenant_updated on customers (platform_id, mode, updated_at desc, id desc);

-- the verification tiers asked for, and where each stands (decision A5)
create table customer_verifications (
    customer_id uuid        not null references customers (id) on delete cascade,
    platform_id uuid        not null,
    mode        text        not null,
    tier        text        not null check (tier in ('tier-1', 'tier-2', 'tier-3')),
    status      text        not null check (status in ('pending', 'verified', 'failed')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (customer_id, tier)
);

-- Allawee-face API keys: sk.test.<random> / sk.live.<random>, kept only as a SHA-256 hash
create table api_keys (
    id          text primary key,
    key_sha256  bytea       not null unique check (length(key_sha256) = 32),
    platform_id uuid        not null references platforms (id),
    mode        text        not null check (mode in ('test', 'live')),
    scopes      text[]      not null,
    created_at  timestamptz not null
);

create index api_keys_platform on api_keys (platform_id);
