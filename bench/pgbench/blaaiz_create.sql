-- POST /api/external/customer (an individual): the row and its audit entry, in one transaction
\set n random(1, 1000000000)
BEGIN;
INSERT INTO customers (id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id, enhanced_due_diligence, profile, metadata, version, created_at, updated_at) VALUES (gen_random_uuid(), substring(decode(md5(random()::text || :n), 'hex') from 1 for 12), :platform, 'test', 'individual', 'PENDING', NULL, 'active', NULL, gen_random_uuid(), false, cast('{"email":"pg.load@example.com","country":"NG","first_name":"Load","last_name":"Customer","id_type":"passport","id_number":"L1","city":"Lagos","zip_code":"101233"}' as jsonb), cast('{}' as json), 1, now(), now()) RETURNING id AS new_id \gset
INSERT INTO customer_audit (id, customer_id, platform_id, mode, occurred_at, actor, action, subject, from_status, to_status, changed_fields, comment) VALUES (gen_random_uuid(), :new_id, :platform, 'test', now(), 'oauth-client/bench', 'created', 'customer', NULL, NULL, '{email,country,first_name,last_name,id_type,id_number,city,zip_code}', NULL);
END;
