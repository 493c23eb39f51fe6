-- The Blaaiz paginated list counts every match of its filters (Laravel's meta.total). Filtering on
-- status and type with an index that lacked type fetched every matching row from the heap; with type
-- and the sort columns in the index the count is an index-only scan and the page an index range.
drop index customers_tenant_status;
create index customers_tenant_status_type on customers (platform_id, mode, verification_status, type, created_at desc, id desc);
