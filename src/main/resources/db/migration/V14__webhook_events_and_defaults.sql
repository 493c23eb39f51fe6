-- The Allawee event records (spec allawee.md §5.4, decision A17) are deliveries: each gets the evt. id its
-- webhook body carries in metadata.event, the ObjectId-shaped bytes (Unix seconds, then 8 random bytes).
alter table webhook_deliveries add column object_id bytea;
update webhook_deliveries
   set object_id = int4send(cast(extract(epoch from created_at) as int)) || substr(uuid_send(gen_random_uuid()), 9, 8);
alter table webhook_deliveries alter column object_id set not null;
create unique index webhook_deliveries_object_id on webhook_deliveries (object_id);

-- what the endpoint's face calls the event, which its event list filters by
alter table webhook_deliveries add column event_name text;
update webhook_deliveries d
   set event_name = case when w.face = 'blaaiz' then e.type
                         when e.type = 'customer.created' then 'customer.created'
                         when e.type in ('tier.requested', 'tier.decided') then 'customer.verification.updated'
                         when e.type = 'customer.activity_changed' then 'customer.status.updated'
                         else 'customer.updated' end
  from webhook_endpoints w, customer_events e
 where w.id = d.endpoint_id and e.id = d.event_id;
alter table webhook_deliveries alter column event_name set not null;

-- a replay counts here, so an attempt in flight when it came does not overwrite it when it ends
alter table webhook_deliveries add column replays int not null default 0;

-- the delivery logs of both faces list a tenant's deliveries newest first
create index webhook_deliveries_tenant_time on webhook_deliveries (platform_id, mode, created_at desc, id desc);

-- The default webhook of a platform and mode (decision A16): an Allawee-face endpoint that takes every event
-- no enabled webhook of that platform and mode is subscribed to, disabled ones included (A13).
alter table webhook_endpoints add column fallback boolean not null default false;
create unique index webhook_endpoints_one_fallback on webhook_endpoints (platform_id, mode) where fallback;

-- the workers claim each endpoint's due deliveries by this, so one endpoint's backlog never hides another's
-- (it replaces the index of due deliveries across endpoints)
drop index webhook_deliveries_due;
create index webhook_deliveries_endpoint_due on webhook_deliveries (endpoint_id, next_attempt_at) where status = 'pending';
