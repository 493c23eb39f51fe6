-- Webhook subscriptions and their deliveries (decisions D6-D8): an outbox in PostgreSQL. A delivery row is
-- written by the transaction that records the event; workers on any node claim due rows and send them.
create table webhook_endpoints (
    id          uuid        primary key,
    platform_id uuid        not null references platforms (id),
    mode        text        not null,
    face        text        not null check (face in ('blaaiz', 'allawee')),
    -- where customer events go (the Blaaiz collection_url)
    url         text        not null,
    -- the Blaaiz payout_url, kept for the client; Kyra sends no payout events
    payout_url  text,
    enabled     boolean     not null,
    -- the signing key, sealed with Kyra's secrets key (AES-GCM): readable back, never stored plain
    signing_key bytea       not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- a Blaaiz platform has one webhook record per mode
create unique index webhook_endpoints_one_blaaiz on webhook_endpoints (platform_id, mode) where face = 'blaaiz';
create index webhook_endpoints_tenant on webhook_endpoints (platform_id, mode) where enabled;

create table webhook_deliveries (
    id              uuid        primary key,
    platform_id     uuid        not null,
    mode            text        not null,
    event_id        uuid        not null references customer_events (id) on delete cascade,
    endpoint_id     uuid        not null references webhook_endpoints (id) on delete cascade,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    -- a worker's claim: until then no other worker takes the row; a killed worker's claim runs out
    lease_until     timestamptz,
    -- the body, rendered once at the first attempt: every retry sends (and signs) the same bytes
    body            text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (event_id, endpoint_id)
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

create table webhook_attempts (
    id               uuid        primary key,
    delivery_id      uuid        not null references webhook_deliveries (id) on delete cascade,
    platform_id      uuid        not null,
    mode             text        not null,
    attempted_at     timestamptz not null,
    status_code      int,
    latency_ms       int         not null,
    -- the first KiB of the receiver's answer, or why there was none
    response_excerpt text,
    error            text
);

create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);
