-- The edge (issue: rate limits, idempotency keys, the Allawee request log).

-- Per-platform overrides of KYRA_RATE_LIMIT_PER_MINUTE / _PER_HOUR: null keeps Kyra's default, 0 is no limit.
alter table platforms add column rate_limit_per_minute int check (rate_limit_per_minute >= 0),
                      add column rate_limit_per_hour   int check (rate_limit_per_hour >= 0),
-- A platform may keep its Allawee-face requests out of the request log (it holds client addresses).
                      add column request_log boolean not null default true;

-- Requests counted per subject (a credential, or a client address's failed authentications) in fixed
-- windows, summed by every node. Unlogged: a count is not data, so it costs no WAL and no fsync, and a
-- crash of PostgreSQL forgets the current windows, which only lets a client start them afresh.
create unlogged table rate_limit_counts (
    subject        text        not null,
    window_seconds int         not null,
    window_start   timestamptz not null,
    count          bigint      not null,
    primary key (subject, window_seconds, window_start)
);

-- Decision D9: a POST's result under its Idempotency-Key, written by the transaction that made the change.
create table idempotency_keys (
    platform_id    uuid        not null references platforms (id),
    mode           text        not null,
    key            text        not null check (length(key) between 1 and 255),
    -- SHA-256 of the method, the path and the body: a reuse with other parameters is refused
    fingerprint    bytea       not null,
    status         int         not null,
    content_type   text,
    location       text,
    body           bytea       not null,
    created_at     timestamptz not null,
    primary key (platform_id, mode, key)
);
-- rows come in time order, so a BRIN index finds the expired ones at almost no cost to each insert
create index idempotency_keys_created on idempotency_keys using brin (created_at);
-- the answer is compressed before it is sealed, and a sealed answer does not compress again: kept in
-- the row (up to a page) rather than in a TOAST table of its own
alter table idempotency_keys alter column body set storage main;

-- Decision A18: what each Allawee-face request of a platform and mode was, for 30 days. No bodies, no
-- query strings: both can carry personal data.
create table api_requests (
    id           text        primary key,
    platform_id  uuid        not null references platforms (id),
    mode         text        not null,
    method       text        not null,
    path         text        not null,
    api_version  text        not null,
    status_code  int         not null,
    latency_ms   int         not null,
    ip_address   text        not null,
    created_at   timestamptz not null
);
create index api_requests_tenant_time on api_requests (platform_id, mode, created_at desc, id desc);
create index api_requests_created on api_requests (created_at);

-- requests:read is served now (decision A18): keys that held every other scope, as the first-start key
-- does, get it too
update api_keys set scopes = array_append(scopes, 'requests:read')
where scopes @> array['customers:read', 'customers:write', 'webhooks:read', 'webhooks:write', 'events:read',
                      'events:retry']
  and not scopes @> array['requests:read'];
