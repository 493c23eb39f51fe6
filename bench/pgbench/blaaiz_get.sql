-- GET /api/external/customer/{id} (an individual): the row, its legacy files, its tiers, its recent comments
\set n random(1, :blaaiz_count)
SELECT id AS cid FROM bench_blaaiz_ids WHERE n = :n \gset
SELECT id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile::text AS profile, metadata::text AS metadata, version, created_at, updated_at FROM customers WHERE id = :cid AND platform_id = :platform AND mode = 'test';
SELECT c.slot, c.file_id, f.storage_key FROM customer_files c JOIN files f ON f.id = c.file_id WHERE c.customer_id = :cid AND c.platform_id = :platform AND c.mode = 'test';
SELECT customer_id, tier, status, created_at, updated_at FROM customer_verifications WHERE customer_id = any(ARRAY[:cid]::uuid[]) AND platform_id = :platform AND mode = 'test' ORDER BY customer_id, tier;
SELECT id, comment, action, occurred_at FROM customer_audit WHERE customer_id = :cid AND platform_id = :platform AND mode = 'test' AND subject = 'customer' AND comment IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT 10;
