-- How many customers each tenant has of each type and verification status, kept by triggers in the
-- transaction that changes a customer.
--
-- The Blaaiz paginated list prints Laravel's exact meta.total. Counting the matches on every page
-- read every index entry of the tenant: at 100,000 customers a page cost a quarter of a second, and
-- the cost grew with the data. With these counts a total filtered by type and status is a sum of a
-- few rows, whatever the size.
--
-- Every change adds to one of 64 slots and a total is the sum over them. The slot is the connection's:
-- a pooled connection keeps its slot, so concurrent transactions, which run on different connections,
-- rarely wait on the same counter row (a random slot measured slower). Triggers rather than
-- application code keep the counts, so no writer (nor a hand-run UPDATE) can forget them.
create table customer_counts (
    platform_id         uuid     not null,
    mode                text     not null,
    type                text     not null,
    verification_status text     not null,
    slot                smallint not null,
    customers           bigint   not null,
    primary key (platform_id, mode, type, verification_status, slot)
);

create function customer_counts_add(p_platform uuid, p_mode text, p_type text, p_status text, p_delta bigint)
    returns void language sql as $$
    insert into customer_counts (platform_id, mode, type, verification_status, slot, customers)
    values (p_platform, p_mode, p_type, p_status, pg_backend_pid() % 64, p_delta)
    on conflict (platform_id, mode, type, verification_status, slot)
        do update set customers = customer_counts.customers + excluded.customers
$$;

create function customer_counts_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform customer_counts_add(new.platform_id, new.mode, new.type, new.verification_status, 1);
    elsif tg_op = 'DELETE' then
        perform customer_counts_add(old.platform_id, old.mode, old.type, old.verification_status, -1);
    -- a move touches two rows: always in the same order, so two concurrent moves cannot deadlock
    elsif (old.type, old.verification_status) < (new.type, new.verification_status) then
        perform customer_counts_add(old.platform_id, old.mode, old.type, old.verification_status, -1);
        perform customer_counts_add(new.platform_id, new.mode, new.type, new.verification_status, 1);
    else
        perform customer_counts_add(new.platform_id, new.mode, new.type, new.verification_status, 1);
        perform customer_counts_add(old.platform_id, old.mode, old.type, old.verification_status, -1);
    end if;
    return null;
end
$$;

create trigger customer_counts_on_insert after insert on customers
    for each row execute function customer_counts_track();
create trigger customer_counts_on_delete after delete on customers
    for each row execute function customer_counts_track();
-- the WHEN keeps ordinary updates (most of them) free of any trigger call
create trigger customer_counts_on_move after update of type, verification_status on customers
    for each row when (old.type is distinct from new.type or old.verification_status is distinct from new.verification_status)
    execute function customer_counts_track();

insert into customer_counts (platform_id, mode, type, verification_status, slot, customers)
select platform_id, mode, type, verification_status, 0, count(*)
from customers
group by platform_id, mode, type, verification_status;
