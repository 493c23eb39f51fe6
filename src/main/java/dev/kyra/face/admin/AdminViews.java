package dev.kyra.face.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kyra.platform.ApiKey;
import dev.kyra.platform.IssuedCredential;
import dev.kyra.platform.OAuthClient;
import dev.kyra.platform.Platform;
import java.time.Instant;
import java.util.List;

/**
 * What the admin API answers about platforms and credentials, one record each. Times are ISO 8601
 * instants in UTC; a secret appears only in the answer that issued it.
 */
final class AdminViews {

    private AdminViews() {
    }

    record PlatformView(String id, String name, @JsonProperty("is_default") boolean isDefault,
                        @JsonProperty("minimal_kyb_allowed") boolean minimalKybAllowed,
                        @JsonProperty("auto_verify_business_customers") boolean autoVerifyBusinessCustomers,
                        @JsonProperty("auto_verify_individuals") boolean autoVerifyIndividuals,
                        @JsonProperty("four_eyes") boolean fourEyes,
                        @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute,
                        @JsonProperty("rate_limit_per_hour") Integer rateLimitPerHour,
                        @JsonProperty("request_log") boolean requestLog,
                        @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt) {

        static PlatformView of(Platform platform) {
            return new PlatformView(platform.id().toString(), platform.name(), platform.isDefault(),
                    platform.settings().minimalKybAllowed(), platform.settings().autoVerifyBusinessCustomers(),
                    platform.settings().autoVerifyIndividuals(), platform.settings().fourEyes(),
                    platform.settings().rateLimits().perMinute(), platform.settings().rateLimits().perHour(),
                    platform.settings().requestLog(),
                    time(platform.createdAt()), time(platform.updatedAt()));
        }
    }

    /** A new OAuth client, or a client's new secret: the secret is shown here only. */
    record IssuedClient(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret,
                        String mode, List<String> scopes) {

        static IssuedClient of(IssuedCredential client) {
            return new IssuedClient(client.id(), client.secret(), client.mode().code(), client.scopes());
        }
    }

    record StoredClient(@JsonProperty("client_id") String clientId, String mode, List<String> scopes,
                        @JsonProperty("created_at") String createdAt, @JsonProperty("revoked_at") String revokedAt) {

        static StoredClient of(OAuthClient client) {
            return new StoredClient(client.clientId(), client.tenant().mode().code(), client.scopes(),
                    time(client.createdAt()), client.revoked() ? time(client.revokedAt()) : null);
        }
    }

    /** A new API key or legacy key: the key is shown here only. */
    record IssuedKey(String id, String key, String mode, List<String> scopes) {

        static IssuedKey of(IssuedCredential key) {
            return new IssuedKey(key.id(), key.secret(), key.mode().code(), key.scopes());
        }
    }

    record StoredKey(String id, String mode, List<String> scopes, @JsonProperty("created_at") String createdAt,
                     @JsonProperty("revoked_at") String revokedAt) {

        static StoredKey of(ApiKey key) {
            return new StoredKey(key.id(), key.tenant().mode().code(), key.scopes(), time(key.createdAt()),
                    key.revokedAt() == null ? null : time(key.revokedAt()));
        }
    }

    static String time(Instant instant) {
        return instant.toString();
    }
}
