package dev.kyra.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

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

    private final PlatformService platforms;
    private final OAuthClientService oauthClients;
    private final AdminCredentials admin;
    private final ApiKeyService apiKeys;
    private final PlatformProperties.Bootstrap given;
    private final PrintStream console;

    Bootstrap(PlatformService platforms, OAuthClientService oauthClients, AdminCredentials admin, ApiKeyService apiKeys,
              PlatformProperties settings) {
        settings.check();
        this.platforms = platforms;
        this.oauthClients = oauthClients;
        this.admin = admin;
        this.apiKeys = apiKeys;
        this.given = settings.bootstrap();
        this.console = System.out;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Platform platform = platforms.defaultPlatform();
        Tenant tenant = new Tenant(platform.id(), Mode.TEST);
        List<String> printed = new ArrayList<>();
        if (given.hasClient()) {
            oauthClients.save(given.clientId(), given.clientSecret(), tenant, OAuthScopes.ALL);
        } else if (!oauthClients.platformHasClients(platform.id())) {
            IssuedCredential client = oauthClients.create(platform.id(), Mode.TEST, OAuthScopes.ALL);
            printed.add("OAuth client (Blaaiz face, test mode)");
            printed.add("  client_id:     " + client.id());
            printed.add("  client_secret: " + client.secret());
        }
        if (given.hasApiKey()) {
            apiKeys.save(given.apiKey(), tenant, ApiKeyScopes.ALL);
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
