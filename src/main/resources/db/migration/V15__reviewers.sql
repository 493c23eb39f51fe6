-- Named reviewers of the console (issue: the reviewers' console). Passwords are kept only as slow,
-- salted hashes (Spring Security's DelegatingPasswordEncoder, {bcrypt} by default).
create table reviewers (
    id              uuid        primary key,
    email           text        not null check (length(email) between 3 and 254),
    -- one account per address, whatever its case
    email_key       text        not null unique,
    name            text        not null check (length(name) between 1 and 200),
    password_hash   text        not null,
    enabled         boolean     not null default true,
    -- failed sign-ins in a row, and until when the account refuses them (throttling per account)
    failed_sign_ins int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- Opening a case claims it: another reviewer cannot decide it until it is released or the claim runs out.
create table case_claims (
    customer_id uuid        primary key references customers (id) on delete cascade,
    reviewer_id uuid        not null references reviewers (id),
    expires_at  timestamptz not null
);

-- Four eyes (optional per platform): the first reviewer's approval waits here for a second, different one.
alter table platforms add column four_eyes boolean not null default false;
create table first_approvals (
    customer_id     uuid        primary key references customers (id) on delete cascade,
    -- the actor, as the history names it: reviewer:<id> or admin-token
    approved_by     text        not null,
    -- the customer's event number then: a status change after it makes the approval stale
    at_sequence     bigint      not null,
    approved_at     timestamptz not null
);
