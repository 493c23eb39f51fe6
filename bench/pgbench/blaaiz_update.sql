-- PUT /api/external/customer/{id} with one changed field: lock, read tiers, write the row and its audit entry,
-- then read back what a GET shows (legacy files, tiers, recent comments), all in one transaction
\set n random(1, :blaaiz_count)
\set v random(1, 1000000000)
SELECT id AS cid FROM bench_blaaiz_ids WHERE n = :n \gset
BEGIN;
SELECT id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile::text AS profile, metadata::text AS metadata, version, created_at, updated_at FROM customers WHERE id = :cid AND platform_id = :platform AND mode = 'test' FOR UPDATE;
SELECT customer_id, tier, status, created_at, updated_at FROM customer_verifications WHERE customer_id = any(ARRAY[:cid]::uuid[]) AND platform_id = :platform AND mode = 'test' ORDER BY customer_id, tier;
UPDATE customers SET verification_status = 'PENDING', kyb_scope = NULL, status = 'active', reference = NULL, profile = profile || jsonb_build_object('city', 'City ' || :v), metadata = cast('{}' as json), version = version + 1, updated_at = now() WHERE id = :cid AND platform_id = :platform AND mode = 'test';
INSERT INTO customer_audit (id, customer_id, platform_id, mode, occurred_at, actor, action, subject, from_status, to_status, changed_fields, comment) VALUES (gen_random_uuid(), :cid, :platform, 'test', now(), 'oauth-client/bench', 'updated', 'customer', NULL, NULL, '{city}', NULL);
SELECT c.slot, c.file_id, f.storage_key FROM customer_files c JOIN files f ON f.id = c.file_id WHERE c.customer_id = :cid AND c.platform_id = :platform AND c.mode = 'test';
SELECT customer_id, tier, status, created_at, updated_at FROM customer_verifications WHERE customer_id = any(ARRAY[:cid]::uuid[]) AND platform_id = :platform AND mode = 'test' ORDER BY customer_id, tier;
SELECT id, comment, action, occurred_at FROM customer_audit WHERE customer_id = :cid AND platform_id = :platform AND mode = 'test' AND subject = 'customer' AND comment IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT 10;
END;
