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
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platforms, their settings and their credentials (OAuth clients, API keys, legacy keys), for Kyra's operators. */
@RestController
@RequestMapping("/admin/v1/platforms")
@Hidden
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

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        UUID platformId = platformId(id);
        return AdminFace.data(AdminViews.PlatformView.of(
                platforms.find(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId))));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(JsonBody body) {
        AdminRequests.NewPlatform request = bodies.read(body, AdminRequests.NewPlatform.class, FIELD);
        Platform platform = platforms.create(request.name().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(AdminViews.PlatformView.of(platform)));
    }

    @PatchMapping("/{id}")
    Map<String, Object> changeSettings(@PathVariable String id, JsonBody body) {
        AdminRequests.SettingsChange request = bodies.read(body, AdminRequests.SettingsChange.class, "setting");
        SettingsChange change = new SettingsChange(request.minimalKybAllowed(), request.autoVerifyBusinessCustomers(),
                request.autoVerifyIndividuals(), request.fourEyes(),
                new RateLimitOverrides(request.rateLimitPerMinute(), request.rateLimitPerHour()), request.requestLog());
        return AdminFace.data(AdminViews.PlatformView.of(platforms.changeSettings(platformId(id), change)));
    }

    @PostMapping("/{id}/oauth-clients")
    ResponseEntity<Map<String, Object>> createOAuthClient(@PathVariable String id, JsonBody body) {
        AdminRequests.NewCredential request = bodies.read(body, AdminRequests.NewCredential.class, FIELD);
        IssuedCredential client = oauthClients.create(platformId(id), mode(request.mode()),
                known(request.scopes(), OAuthScopes.ALL));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(AdminViews.IssuedClient.of(client)));
    }

    @GetMapping("/{id}/oauth-clients")
    Map<String, Object> listOAuthClients(@PathVariable String id) {
        return AdminFace.data(oauthClients.list(platformId(id)).stream().map(AdminViews.StoredClient::of).toList());
    }

    /** A new secret, shown only here; the old secret and every token issued with it stop working. */
    @PostMapping("/{id}/oauth-clients/{clientId}/rotate-secret")
    Map<String, Object> rotateOAuthClientSecret(@PathVariable String id, @PathVariable String clientId) {
        return AdminFace.data(AdminViews.IssuedClient.of(oauthClients.rotate(platformId(id), clientId)));
    }

    @DeleteMapping("/{id}/oauth-clients/{clientId}")
    ResponseEntity<Void> revokeOAuthClient(@PathVariable String id, @PathVariable String clientId) {
        oauthClients.revoke(platformId(id), clientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/api-keys")
    ResponseEntity<Map<String, Object>> createApiKey(@PathVariable String id, JsonBody body) {
        AdminRequests.NewCredential request = bodies.read(body, AdminRequests.NewCredential.class, FIELD);
        IssuedCredential key = apiKeys.create(platformId(id), mode(request.mode()), known(request.scopes(), ApiKeyScopes.ALL));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(AdminViews.IssuedKey.of(key)));
    }

    @GetMapping("/{id}/api-keys")
    Map<String, Object> listApiKeys(@PathVariable String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.ALLAWEE).stream().map(AdminViews.StoredKey::of).toList());
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    ResponseEntity<Void> revokeApiKey(@PathVariable String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.ALLAWEE, keyId);
        return ResponseEntity.noContent().build();
    }

    /** A Blaaiz legacy key ({@code x-blaaiz-api-key}, decision B19), with every customer-surface scope. */
    @PostMapping("/{id}/legacy-api-keys")
    ResponseEntity<Map<String, Object>> createLegacyApiKey(@PathVariable String id, JsonBody body) {
        AdminRequests.NewLegacyKey request = bodies.read(body, AdminRequests.NewLegacyKey.class, FIELD);
        IssuedCredential key = apiKeys.createLegacy(platformId(id), mode(request.mode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(AdminViews.IssuedKey.of(key)));
    }

    @GetMapping("/{id}/legacy-api-keys")
    Map<String, Object> listLegacyApiKeys(@PathVariable String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.BLAAIZ_LEGACY).stream()
                .map(AdminViews.StoredKey::of).toList());
    }

    @DeleteMapping("/{id}/legacy-api-keys/{keyId}")
    ResponseEntity<Void> revokeLegacyApiKey(@PathVariable String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.BLAAIZ_LEGACY, keyId);
        return ResponseEntity.noContent().build();
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
