package dev.kyra.face.admin;

import dev.kyra.platform.ApiKeyFace;
import dev.kyra.platform.ApiKeyScopes;
import dev.kyra.platform.ApiKeyService;
import dev.kyra.platform.IssuedCredential;
import dev.kyra.platform.Mode;
import dev.kyra.platform.OAuthClientService;
import dev.kyra.platform.OAuthScopes;
import dev.kyra.platform.Platform;
import dev.kyra.platform.PlatformNotFoundException;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.RateLimitOverrides;
import dev.kyra.platform.SettingsChange;
import dev.kyra.web.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platforms, their settings and their credentials (OAuth clients, API keys, legacy keys), for Kyra's operators. */
@RestController
@RequestMapping("/admin/v1/platforms")
class AdminPlatformController {

    private static final String FIELD = "field";

    private final PlatformService platforms;
    private final OAuthClientService oauthClients;
    private final ApiKeyService apiKeys;
    private final AdminBodies bodies;

    AdminPlatformController(PlatformService platforms, OAuthClientService oauthClients, ApiKeyService apiKeys,
                            AdminBodies bodies) {
        this.platforms = platforms;
        this.oauthClients = oauthClients;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @GetMapping
    Map<String, Object> list() {
        return AdminFace.data(platforms.list().stream().map(AdminViews.PlatformView::of).toList());
    }

    @GetMapping("/{platformId}")
    Map<String, Object> get(@PathVariable("platformId") String id) {
        UUID platformId = platformId(id);
        return AdminFace.data(AdminViews.PlatformView.of(
                platforms.find(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId))));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(JsonBody body) {
        AdminRequests.NewPlatform request = bodies.read(body, AdminRequests.NewPlatform.class, FIELD);
        Platform platform = platforms.create(request.name().strip());
        return AdminFace.data(AdminViews.PlatformView.of(platform));
    }

    @PatchMapping("/{platformId}")
    Map<String, Object> changeSettings(@PathVariable("platformId") String id, JsonBody body) {
        AdminRequests.SettingsChange request = bodies.read(body, AdminRequests.SettingsChange.class, "setting");
        SettingsChange change = new SettingsChange(request.minimalKybAllowed(), request.autoVerifyBusinessCustomers(),
                request.autoVerifyIndividuals(), request.fourEyes(),
                new RateLimitOverrides(request.rateLimitPerMinute(), request.rateLimitPerHour()), request.requestLog());
        return AdminFace.data(AdminViews.PlatformView.of(platforms.changeSettings(platformId(id), change)));
    }

    @PostMapping("/{platformId}/oauth-clients")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createOAuthClient(@PathVariable("platformId") String id, JsonBody body) {
        AdminRequests.NewCredential request = bodies.read(body, AdminRequests.NewCredential.class, FIELD);
        IssuedCredential client = oauthClients.create(platformId(id), mode(request.mode()),
                known(request.scopes(), OAuthScopes.ALL));
        return AdminFace.data(AdminViews.IssuedClient.of(client));
    }

    @GetMapping("/{platformId}/oauth-clients")
    Map<String, Object> listOAuthClients(@PathVariable("platformId") String id) {
        return AdminFace.data(oauthClients.list(platformId(id)).stream().map(AdminViews.StoredClient::of).toList());
    }

    /** A new secret, shown only here; the old secret and every token issued with it stop working. */
    @PostMapping("/{platformId}/oauth-clients/{clientId}/rotate-secret")
    Map<String, Object> rotateOAuthClientSecret(@PathVariable("platformId") String id, @PathVariable String clientId) {
        return AdminFace.data(AdminViews.IssuedClient.of(oauthClients.rotate(platformId(id), clientId)));
    }

    @DeleteMapping("/{platformId}/oauth-clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeOAuthClient(@PathVariable("platformId") String id, @PathVariable String clientId) {
        oauthClients.revoke(platformId(id), clientId);
    }

    @PostMapping("/{platformId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createApiKey(@PathVariable("platformId") String id, JsonBody body) {
        AdminRequests.NewCredential request = bodies.read(body, AdminRequests.NewCredential.class, FIELD);
        IssuedCredential key = apiKeys.create(platformId(id), mode(request.mode()), known(request.scopes(), ApiKeyScopes.ALL));
        return AdminFace.data(AdminViews.IssuedKey.of(key));
    }

    @GetMapping("/{platformId}/api-keys")
    Map<String, Object> listApiKeys(@PathVariable("platformId") String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.ALLAWEE).stream().map(AdminViews.StoredKey::of).toList());
    }

    @DeleteMapping("/{platformId}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeApiKey(@PathVariable("platformId") String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.ALLAWEE, keyId);
    }

    /** A Blaaiz legacy key ({@code x-blaaiz-api-key}, decision B19), with every customer-surface scope. */
    @PostMapping("/{platformId}/legacy-api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createLegacyApiKey(@PathVariable("platformId") String id, JsonBody body) {
        AdminRequests.NewLegacyKey request = bodies.read(body, AdminRequests.NewLegacyKey.class, FIELD);
        IssuedCredential key = apiKeys.createLegacy(platformId(id), mode(request.mode()));
        return AdminFace.data(AdminViews.IssuedKey.of(key));
    }

    @GetMapping("/{platformId}/legacy-api-keys")
    Map<String, Object> listLegacyApiKeys(@PathVariable("platformId") String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.BLAAIZ_LEGACY).stream()
                .map(AdminViews.StoredKey::of).toList());
    }

    @DeleteMapping("/{platformId}/legacy-api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeLegacyApiKey(@PathVariable("platformId") String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.BLAAIZ_LEGACY, keyId);
    }

    private static Mode mode(String code) {
        return Mode.fromCode(code).orElseThrow(() -> new AdminInputException(AdminRequests.MODE_RULE));
    }

    /** The scopes asked for, each once, when every one is one of {@code known}. */
    private static List<String> known(List<String> scopes, List<String> known) {
        if (scopes.stream().anyMatch(scope -> scope == null || !known.contains(scope))) {
            throw new AdminInputException("scopes may contain only " + String.join(", ", known) + ".");
        }
        return scopes.stream().distinct().toList();
    }

    static UUID platformId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PlatformNotFoundException(null);
        }
    }
}
