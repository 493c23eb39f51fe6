-- POST /oauth/token: the client's row (the secret is checked in memory, the JWT signed in memory)
SELECT client_id, secret_sha256, platform_id, mode, scopes FROM oauth_clients WHERE client_id = :client;
