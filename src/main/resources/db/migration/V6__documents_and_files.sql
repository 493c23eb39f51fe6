-- Files, KYB documents, owners' ID files and individuals' legacy files (Blaaiz spec §4.6-§4.13).

-- An upload: reserved when a client asks for an upload URL, bound to what it may be registered for.
create table files (
    id                uuid primary key,
    platform_id       uuid        not null,
    mode              text        not null,
    customer_id       uuid        not null references customers (id) on delete cascade,
    owner_id          uuid,
    purpose           text        not null,
    storage_key       text        not null unique,
    upload_expires_at timestamptz not null,
    uploaded_at       timestamptz,
    created_at        timestamptz not null
);

create index files_customer on files (customer_id);

-- the HMAC key of local storage's signed URLs: one row, made on first use, shared by every node
create table file_url_keys (
    id         int primary key check (id = 1),
    secret     bytea       not null check (length(secret) = 32),
    created_at timestamptz not null
);

create table customer_documents (
    id             uuid primary key,
    customer_id    uuid        not null references customers (id) on delete cascade,
    platform_id    uuid        not null,
    mode           text        not null,
    type           text        not null,
    name           text        not null,
    extension      text        not null,
    description    text,
    status         text        not null check (status in ('PENDING', 'PROCESSING', 'APPROVED', 'REJECTED')),
    admin_comments jsonb,
    file_id        uuid        not null references files (id),
    deleted_at     timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index customer_documents_customer on customer_documents (customer_id, id) where deleted_at is null;

alter table customer_owners
    add column id_document_front_file uuid references files (id),
    add column id_document_back_file  uuid references files (id);

-- an individual's legacy files, one per slot (id_file, id_file_back, proof_of_address_file, ...)
create table customer_files (
    customer_id uuid        not null references customers (id) on delete cascade,
    platform_id uuid        not null,
    mode        text        not null,
    slot        text        not null,
    file_id     uuid        not null references files (id),
    updated_at  timestamptz not null,
    primary key (customer_id, slot)
);

-- when a customer joined the reviewers' queue (entered PROCESSING), for oldest-first order
alter table customers add column review_requested_at timestamptz;
create index customers_review_queue on customers (review_requested_at) where verification_status = 'PROCESSING';
create index customer_verifications_pending on customer_verifications (updated_at) where status = 'pending';
