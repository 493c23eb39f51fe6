-- Every keyed POST inserts a kept answer, and the foreign key to platforms made each insert look the
-- platform up again (and share-lock its row, beside every other request of the platform): 40 % of the
-- insert's time. The platform is the authenticated caller's, and platforms are never deleted, so the
-- check could not fail; the key's rows are gone within a day anyway.
alter table idempotency_keys drop constraint idempotency_keys_platform_id_fkey;
