-- Personal data at rest (decision D11). Identifiers, tax numbers and dates of birth are sealed in the
-- profile JSON by the customer's data key; the key, wrapped by a master key that never enters the
-- database, lives in the customer's row. Erasing the customer clears it, and with it every value it sealed.

-- keys of the installation itself, wrapped by the master key: the blind-index key. A row here also
-- tells start-up that this database has data a master key sealed.
create table personal_data_keys (
    name          text primary key,
    master_key_id text        not null,
    wrapped       bytea       not null,
    created_at    timestamptz not null
);

alter table customers
    add column data_key        bytea,
    add column data_key_master text,
    -- when the customer's personal data was erased; what remains is a tombstone
    add column erased_at       timestamptz,
    add check ((data_key is null) = (data_key_master is null));

-- each uploaded file has its own streaming key, wrapped by the master key
alter table files
    add column file_key        bytea,
    add column file_key_master text,
    add check ((file_key is null) = (file_key_master is null));

-- A sealed field is stored as {"sealed": <ciphertext>, "index": <blind index>}: the searched and the
-- unique columns now hold the blind index (a keyed digest), which the database can compare but not
-- reverse. A value written before this version is still a plain string until it is next written.
drop index customers_tenant_id_number;
drop index customers_registration_unique;
alter table customers drop column id_number, drop column registration_number;
alter table customers
    add column id_number text generated always as
        (case when jsonb_typeof(profile -> 'id_number') = 'object' then profile -> 'id_number' ->> 'index'
              else profile ->> 'id_number' end) stored,
    add column registration_number text generated always as
        (case when jsonb_typeof(profile -> 'registration_number') = 'object' then profile -> 'registration_number' ->> 'index'
              else profile ->> 'registration_number' end) stored;
create index customers_tenant_id_number on customers (platform_id, mode, id_number);
create unique index customers_registration_unique
    on customers (platform_id, mode, registration_number, incorporation_country)
    where type = 'business';

-- Webhook bodies are renderings of a customer, identifiers included: they are kept sealed (AES-GCM
-- under the secrets key, bound to their delivery). Bodies kept plain before this version are dropped:
-- a retry or replay renders the customer as it is now.
alter table webhook_deliveries drop column body;
alter table webhook_deliveries add column body bytea;
alter table webhook_deliveries alter column body set storage external;
