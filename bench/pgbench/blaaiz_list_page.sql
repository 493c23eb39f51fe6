-- GET /api/external/customer?paginate=true&verification_status=PENDING&type=individual&page=N: a page and the total
\set page random(1, 10)
SELECT id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile::text AS profile, metadata::text AS metadata, version, created_at, updated_at FROM customers WHERE (platform_id = :platform AND mode = 'test') AND (verification_status = 'PENDING' AND type = 'individual') ORDER BY created_at DESC, id DESC OFFSET (:page - 1) * 15 LIMIT 15;
SELECT coalesce(sum(customers), 0) FROM customer_counts WHERE (platform_id = :platform AND mode = 'test') AND (verification_status = 'PENDING' AND type = 'individual');
