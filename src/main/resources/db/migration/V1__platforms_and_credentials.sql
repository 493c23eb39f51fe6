-- Platforms are Kyra's tenants. Every credential belongs to one platform and one mode.

create table platforms (
    id                             uuid primary key,
    name                           text        not null check (length(name) between 1 and 200),
    is_default                     boolean     not null default false,
    minimal_kyb_allowed            boolean     not null default false,
    auto_verify_business_customers boolean     not null default false,
    auto_verify_individuals        boolean     not null default false,
    created_at                     timestamptz not null,
    updated_at                     timestamptz not null
);

-- at most one default platform, created on first start
create unique index platforms_single_default on platforms (is_default) where is_default;

-- OAuth2 clients of the Blaaiz face. Secrets are 256-bit random strings, so a SHA-256 hash is
-- enough to make a stolen table useless (decision B16); a slow password hash would only slow tokens.
create table oauth_clients (
    client_id     text primary key,
    secret_sha256 bytea       not null check (length(secret_sha256) = 32),
    platform_id   uuid        not null references platforms (id),
    mode          text        not null check (mode in ('test', 'live')),
    scopes        text[]      not null,
    created_at    timestamptz not null
);

create index oauth_clients_platform on oauth_clients (platform_id);

-- The admin API's token when Kyra generated it (KYRA_ADMIN_TOKEN unset): only its hash is kept.
create table admin_credentials (
    name         text primary key,
    token_sha256 bytea       not null check (length(token_sha256) = 32),
    created_at   timestamptz not null
);

-- JWT signing keys, kept here so that tokens survive restarts and every node signs alike.
create table jwt_signing_keys (
    key_id      text primary key,
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null
);
