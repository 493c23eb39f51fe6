package dev.kyra.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The credentials Kyra starts with: {@code KYRA_ADMIN_TOKEN} and the bootstrap client and key of the
 * default platform. All are optional (Kyra generates what is missing); what is given must be usable.
 */
@ConfigurationProperties("kyra")
record PlatformProperties(String adminToken, @DefaultValue Bootstrap bootstrap) {

    /** Shorter than this, a configured secret is guessable; generated ones are 256-bit. */
    static final int MIN_SECRET_LENGTH = 16;

    /** {@code kyra.bootstrap.*}: the default platform's OAuth client and API key, given rather than generated. */
    record Bootstrap(String clientId, String clientSecret, String apiKey) {

        boolean hasClient() {
            return StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
        }

        boolean hasApiKey() {
            return StringUtils.hasText(apiKey);
        }
    }

    boolean hasAdminToken() {
        return StringUtils.hasText(adminToken);
    }

    /**
     * Refuses settings Kyra cannot use, naming the variable: the messages speak of the environment,
     * where an operator sets them.
     */
    void check() {
        if (StringUtils.hasText(bootstrap.clientId()) != StringUtils.hasText(bootstrap.clientSecret())) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_CLIENT_ID and KYRA_BOOTSTRAP_CLIENT_SECRET must be set together");
        }
        if (StringUtils.hasText(bootstrap.clientSecret()) && bootstrap.clientSecret().length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_CLIENT_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        if (bootstrap.hasApiKey() && ApiKeyFormat.modeOf(bootstrap.apiKey()).filter(Mode.TEST::equals).isEmpty()) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_API_KEY must be a test key: sk.test. followed by "
                    + "32 to 128 base58 characters");
        }
        if (hasAdminToken() && adminToken.length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettingException("KYRA_ADMIN_TOKEN must be at least " + MIN_SECRET_LENGTH + " characters");
        }
    }
}
