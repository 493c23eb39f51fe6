-- what each attempt sent besides its body (content type, signature, timestamp, sequence): the Blaaiz
-- webhook log shows them per attempt (spec §6.1, webhook_log_histories)
alter table webhook_attempts add column request_headers jsonb not null default '{}';
