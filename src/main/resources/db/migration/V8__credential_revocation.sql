-- Credentials can be revoked; a revoked one is kept, marked, so the admin API can still show when.
alter table oauth_clients add column revoked_at timestamptz;
alter table api_keys add column revoked_at timestamptz;
