-- The registry: one row per customer, whichever face created it.
--
-- Attributes that are only read and written whole live in the JSONB profile. The ones that are
-- searched or must be unique are generated columns over it, so the profile stays the single source
-- of truth while indexes and constraints see real columns.

create table customers (
    id                     uuid primary key,
    -- the 12-byte companion id the Allawee face prints as cus.<base58> (decision D3)
    object_id              bytea       not null unique check (length(object_id) = 12),
    platform_id            uuid        not null references platforms (id),
    mode                   text        not null check (mode in ('test', 'live')),
    type                   text        not null check (type in ('individual', 'business')),
    verification_status    text        not null check (verification_status in ('PENDING', 'PROCESSING', 'VERIFIED', 'REJECTED')),
    kyb_scope              text check (kyb_scope in ('FULL', 'MINIMAL')),
    kyc_data_id            uuid        not null,
    enhanced_due_diligence boolean     not null default false,
    profile                jsonb       not null,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,

    email                  text generated always as (profile ->> 'email') stored,
    id_number              text generated always as (profile ->> 'id_number') stored,
    registration_number    text generated always as (profile ->> 'registration_number') stored,
    incorporation_country  text generated always as (profile ->> 'incorporation_country') stored,

    check (type = 'business' or kyb_scope is null)
);

-- every list is per tenant, newest first by default
create index customers_tenant_created on customers (platform_id, mode, created_at desc, id desc);
create index customers_tenant_email on customers (platform_id, mode, email);
create index customers_tenant_id_number on customers (platform_id, mode, id_number);
create index customers_tenant_status on customers (platform_id, mode, verification_status, created_at desc);

-- a business's (registration_number, incorporation_country) is unique per platform and mode
create unique index customers_registration_unique
    on customers (platform_id, mode, registration_number, incorporation_country)
    where type = 'business';

-- beneficial owners, signatories and directors of business customers
create table customer_owners (
    id             uuid primary key,
    customer_id    uuid        not null references customers (id) on delete cascade,
    platform_id    uuid        not null,
    mode           text        not null,
    status         text        not null check (status in ('PENDING', 'PROCESSING', 'APPROVED', 'REJECTED')),
    admin_comments jsonb,
    profile        jsonb       not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index customer_owners_customer on customer_owners (customer_id, id);

-- What happened to a customer, written in the same transaction as the change. It names the fields
-- that changed, never their values: the audit trail must not become a second copy of the PII.
create table customer_audit (
    id             uuid primary key,
    customer_id    uuid        not null references customers (id) on delete cascade,
    platform_id    uuid        not null,
    mode           text        not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    action         text        not null,
    subject        text        not null,
    from_status    text,
    to_status      text,
    changed_fields text[]      not null default '{}',
    comment        text
);

create index customer_audit_customer on customer_audit (customer_id, occurred_at, id);
