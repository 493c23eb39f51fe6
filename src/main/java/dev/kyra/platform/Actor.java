package dev.kyra.platform;

import java.util.Objects;

/**
 * Who made a change, as a customer's history records it: the credential that called, never its
 * secret. Written as {@code kind:id} ({@code oauth-client:…}, {@code api-key:ak.…}, {@code admin-token}).
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        OAUTH_CLIENT("oauth-client"),
        API_KEY("api-key"),
        LEGACY_KEY("legacy-key"),
        /** Kyra's operator, through the one admin token of the admin API. */
        ADMIN_TOKEN("admin-token"),
        /** A named reviewer, through the console. */
        REVIEWER("reviewer");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static final Actor ADMIN = new Actor(Kind.ADMIN_TOKEN, null);

    public Actor {
        Objects.requireNonNull(kind, "kind");
    }

    public static Actor oauthClient(String clientId) {
        return new Actor(Kind.OAUTH_CLIENT, clientId);
    }

    public static Actor apiKey(String keyId) {
        return new Actor(Kind.API_KEY, keyId);
    }

    public static Actor legacyKey(String keyId) {
        return new Actor(Kind.LEGACY_KEY, keyId);
    }

    public static Actor reviewer(String reviewerId) {
        return new Actor(Kind.REVIEWER, reviewerId);
    }

    @Override
    public String toString() {
        return id == null ? kind.code : kind.code + ":" + id;
    }
}
