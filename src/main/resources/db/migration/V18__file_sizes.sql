-- The plaintext's size, kept when a local upload arrives: a download states its length without
-- decrypting the whole file first to count it (and then again to send it). Null for files uploaded
-- before, and for S3, which knows its objects' sizes.
alter table files add column size bigint check (size >= 0);
