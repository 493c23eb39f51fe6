-- The event log (decision D6): every change of a customer, recorded once by the transaction that makes
-- it, numbered 1, 2, 3 ... per customer with no gaps. The customer row holds the last number given; the
-- update that takes the next numbers also takes the row's lock, so concurrent writers of one customer
-- queue for it and a rolled-back writer gives its numbers back.
alter table customers add column event_sequence bigint not null default 0;

create table customer_events (
    id          uuid        primary key,
    platform_id uuid        not null,
    mode        text        not null,
    customer_id uuid        not null references customers (id) on delete cascade,
    sequence    bigint      not null check (sequence > 0),
    type        text        not null,
    subject     text        not null,
    actor       text        not null,
    occurred_at timestamptz not null,
    from_status text,
    to_status   text,
    -- [{"field": "phone", "from": "***", "to": "***"}, ...]: values of personal fields are masked
    changes     jsonb       not null default '[]',
    comment     text,
    unique (customer_id, sequence)
);

-- the platform's recent comments on a customer: the newest few of its own comments, read with every customer
create index customer_events_comments on customer_events (customer_id, sequence desc)
    where subject = 'customer' and comment is not null;

-- the history recorded so far becomes the first events; it named fields but kept no values
insert into customer_events (id, platform_id, mode, customer_id, sequence, type, subject, actor, occurred_at,
                             from_status, to_status, changes, comment)
select a.id, a.platform_id, a.mode, a.customer_id,
       row_number() over (partition by a.customer_id order by a.occurred_at, a.id),
       case
           when a.action = 'created' and a.subject = 'customer' then 'customer.created'
           when a.action = 'created' and a.subject like 'owner:%' then 'owner.added'
           when a.action = 'created' and a.subject like 'document:%' then 'document.added'
           when a.action = 'updated' and a.subject = 'customer' then 'customer.profile_changed'
           when a.action = 'updated' and a.subject like 'owner:%' then 'owner.changed'
           when a.action = 'updated' and a.subject like 'document:%' then 'document.changed'
           when a.action = 'deleted' and a.subject like 'owner:%' then 'owner.removed'
           when a.action = 'deleted' and a.subject like 'document:%' then 'document.removed'
           when a.action in ('attached', 'files_attached') then 'files.attached'
           when a.action = 'upgraded' then 'customer.kyb_upgraded'
           when a.subject = 'activity' then 'customer.activity_changed'
           when a.subject like 'tier:%' and a.from_status in ('pending') and a.to_status <> 'pending' then 'tier.decided'
           when a.subject like 'tier:%' then 'tier.requested'
           when a.subject like 'owner:%' then 'owner.status_changed'
           when a.subject like 'document:%' then 'document.status_changed'
           else 'customer.status_changed'
       end,
       case when a.subject like 'file:%' or a.subject = 'activity' then 'customer' else a.subject end,
       case when a.actor = 'reviewer' then 'admin-token' else a.actor end,
       a.occurred_at, a.from_status, a.to_status,
       coalesce((select jsonb_agg(jsonb_build_object('field', f)) from unnest(a.changed_fields) as f), '[]'),
       a.comment
from customer_audit a;

update customers c set event_sequence = e.last
from (select customer_id, max(sequence) as last from customer_events group by customer_id) e
where e.customer_id = c.id;

drop table customer_audit;
