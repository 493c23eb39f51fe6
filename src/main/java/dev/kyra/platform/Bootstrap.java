package dev.kyra.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First-start setup: the default platform, its bootstrap OAuth client and API key (test mode, every
 * scope) and the admin token. Values given in the environment are used as they are; anything Kyra generates is
 * printed once, here, and afterwards exists only as a hash.
 *
 * <p>It runs once every bean exists and before the HTTP port opens, and a bootstrap setting that cannot
 * be used stops the start there: Kyra never serves with credentials other than the ones it was given.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    /** Shorter than this, a configured secret is guessable; generated ones are 256-bit. */
    static final int MIN_SECRET_LENGTH = 16;

    private final PlatformService platforms;
    private final OAuthClientService oauthClients;
    private final AdminCredentials admin;
    private final String bootstrapClientId;
    private final String bootstrapClientSecret;
    private final ApiKeyService apiKeys;
    private final String bootstrapApiKey;
    private final PrintStream console;

    Bootstrap(PlatformService platforms, OAuthClientService oauthClients, AdminCredentials admin, ApiKeyService apiKeys,
              @Value("${kyra.bootstrap.client-id:}") String bootstrapClientId,
              @Value("${kyra.bootstrap.client-secret:}") String bootstrapClientSecret,
              @Value("${kyra.bootstrap.api-key:}") String bootstrapApiKey,
              @Value("${kyra.admin-token:}") String adminToken) {
        checkSettings(bootstrapClientId, bootstrapClientSecret, bootstrapApiKey, adminToken);
        this.platforms = platforms;
        this.oauthClients = oauthClients;
        this.admin = admin;
        this.apiKeys = apiKeys;
        this.bootstrapClientId = bootstrapClientId;
        this.bootstrapClientSecret = bootstrapClientSecret;
        this.bootstrapApiKey = bootstrapApiKey;
        this.console = System.out;
    }

    private static void checkSettings(String clientId, String clientSecret, String apiKey, String adminToken) {
        if (StringUtils.hasText(clientId) != StringUtils.hasText(clientSecret)) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_CLIENT_ID and KYRA_BOOTSTRAP_CLIENT_SECRET must be set together");
        }
        if (StringUtils.hasText(clientSecret) && clientSecret.length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_CLIENT_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        if (StringUtils.hasText(apiKey) && ApiKeyFormat.modeOf(apiKey).filter(Mode.TEST::equals).isEmpty()) {
            throw new InvalidSettingException("KYRA_BOOTSTRAP_API_KEY must be a test key: sk.test. followed by "
                    + "32 to 128 base58 characters");
        }
        if (StringUtils.hasText(adminToken) && adminToken.length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettingException("KYRA_ADMIN_TOKEN must be at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        Platform platform = platforms.defaultPlatform();
        Tenant tenant = new Tenant(platform.id(), Mode.TEST);
        List<String> printed = new ArrayList<>();
        if (StringUtils.hasText(bootstrapClientId) && StringUtils.hasText(bootstrapClientSecret)) {
            oauthClients.save(bootstrapClientId, bootstrapClientSecret, tenant, OAuthScopes.ALL);
        } else if (!oauthClients.platformHasClients(platform.id())) {
            IssuedCredential client = oauthClients.create(platform.id(), Mode.TEST, OAuthScopes.ALL);
            printed.add("OAuth client (Blaaiz face, test mode)");
            printed.add("  client_id:     " + client.id());
            printed.add("  client_secret: " + client.secret());
        }
        if (StringUtils.hasText(bootstrapApiKey)) {
            apiKeys.save(bootstrapApiKey, tenant, ApiKeyScopes.ALL);
        } else if (!apiKeys.platformHasKeys(platform.id())) {
            IssuedCredential key = apiKeys.create(platform.id(), Mode.TEST, ApiKeyScopes.ALL);
            printed.add("API key (Allawee face, test mode)");
            printed.add("  " + key.secret());
        }
        admin.generateIfAbsent().ifPresent(token -> {
            printed.add("Admin token (Authorization: Bearer ... on /admin)");
            printed.add("  " + token);
        });
        if (!printed.isEmpty()) {
            printOnce(platform, printed);
        }
    }

    private void printOnce(Platform platform, List<String> lines) {
        console.println();
        console.println("==================== Kyra first-start credentials ====================");
        console.println("Default platform: " + platform.id());
        lines.forEach(console::println);
        console.println("These secrets are shown only now; Kyra keeps only their hashes.");
        console.println("=======================================================================");
        console.println();
    }
}
