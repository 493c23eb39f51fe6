-- GET /api/external/customer?email=...: the legacy list, by the indexed email column
\set n random(1, :blaaiz_count)
SELECT email AS e FROM bench_blaaiz_ids WHERE n = :n \gset
SELECT id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile::text AS profile, metadata::text AS metadata, version, created_at, updated_at FROM customers WHERE (platform_id = :platform AND mode = 'test') AND (email = :e) ORDER BY created_at, id OFFSET 0 LIMIT 2147483647;
