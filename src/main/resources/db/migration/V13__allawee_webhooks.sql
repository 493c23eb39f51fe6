-- Allawee webhooks (spec allawee.md §5.5, decisions A13, A19): named subscriptions to chosen event types,
-- shown by a wh. id (the ObjectId companion of the UUIDv7, as customers' cus. ids)
alter table webhook_endpoints
    add column object_id   bytea,
    add column name        text,
    add column events      text[],
    add column api_version text,
    add column description text,
    add column metadata    text;

create unique index webhook_endpoints_object_id on webhook_endpoints (object_id) where object_id is not null;
