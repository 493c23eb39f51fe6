-- POST /customers with a tier: the row, the tier and two audit entries, in one transaction (the API key
-- is remembered in memory, and the reference's uniqueness is the unique index's to check)
\set n random(1, 1000000000000)
BEGIN;
INSERT INTO customers (id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile, metadata, version, created_at, updated_at) VALUES (gen_random_uuid(), substring(decode(md5(random()::text || :n), 'hex') from 1 for 12), :platform, 'test', 'individual', 'PENDING', NULL, 'active', 'pg-' || :client_id || '-' || :n, gen_random_uuid(), false, cast('{"name":"Load","first_name":"Load","last_name":"Customer","email":"load@example.org","dob":"1990-01-01","city":"Ikeja","state":"NG-LA","country":"NG","street":"1 Example St"}' as jsonb), cast('{"n":1}' as json), 1, now(), now()) RETURNING id AS new_id \gset
INSERT INTO customer_audit (id, customer_id, platform_id, mode, occurred_at, actor, action, subject, from_status, to_status, changed_fields, comment) VALUES (gen_random_uuid(), :new_id, :platform, 'test', now(), 'api-key/bench', 'created', 'customer', NULL, NULL, '{name,first_name,last_name,email,dob,city,state,country,street}', NULL);
INSERT INTO customer_verifications (customer_id, platform_id, mode, tier, status, created_at, updated_at) VALUES (:new_id, :platform, 'test', 'tier-1', 'pending', now(), now());
INSERT INTO customer_audit (id, customer_id, platform_id, mode, occurred_at, actor, action, subject, from_status, to_status, changed_fields, comment) VALUES (gen_random_uuid(), :new_id, :platform, 'test', now(), 'api-key/bench', 'status_changed', 'tier/tier-1', NULL, 'pending', '{}', NULL);
END;
