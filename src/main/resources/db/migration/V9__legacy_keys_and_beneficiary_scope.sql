-- Blaaiz legacy API keys (x-blaaiz-api-key, decision B19) live beside the Allawee keys: the same hash
-- lookup, listing and revocation, told apart by the face that accepts them.
alter table api_keys add column face text not null default 'allawee' check (face in ('allawee', 'blaaiz-legacy'));

-- beneficiary:read is served now (decision B20): clients that held every customer-surface scope get it too
update oauth_clients set scopes = array_append(scopes, 'beneficiary:read')
where scopes @> array['customer:read', 'customer:write', 'file:upload', 'virtual-account:read',
                      'webhook:read', 'webhook:write', 'webhook:replay']
  and not scopes @> array['beneficiary:read'];
