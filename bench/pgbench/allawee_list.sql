-- GET /customers?filter=type:individual status:active&limit=20&after=<id>: the cursor's sort
-- values, the page (one row more than the limit) and the page's tiers, in a read-only transaction
\set n random(1, :allawee_count)
SELECT encode(object_id, 'hex') AS oid FROM bench_allawee_ids WHERE n = :n \gset
BEGIN READ ONLY;
SET LOCAL statement_timeout = 5000;
SELECT created_at AS k0, id AS k1 FROM customers WHERE object_id = decode(:oid, 'hex') AND platform_id = :platform AND mode = 'test' \gset
SELECT id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile::text AS profile, metadata::text AS metadata, version, created_at, updated_at FROM customers WHERE ((platform_id = :platform AND mode = 'test') AND (((type = 'individual') AND (status = 'active')))) AND ((created_at, id) < (:k0, :k1)) ORDER BY created_at DESC NULLS FIRST, id DESC NULLS FIRST OFFSET 0 LIMIT 21;
SELECT c.id, (select json_agg(json_build_object('tier', v.tier, 'status', v.status, 'created_at', v.created_at, 'updated_at', v.updated_at) order by v.tier) from customer_verifications v where v.customer_id = c.id and v.platform_id = c.platform_id and v.mode = c.mode) as tiers FROM customers c WHERE c.id = any(ARRAY(SELECT id FROM bench_allawee_ids WHERE n BETWEEN :n AND :n + 19)) AND c.platform_id = :platform AND c.mode = 'test';
END;
