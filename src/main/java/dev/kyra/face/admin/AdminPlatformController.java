package dev.kyra.face.admin;

import dev.kyra.platform.ApiKey;
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
import dev.kyra.platform.SettingsChange;
import dev.kyra.web.JsonBody;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Platforms, their settings and their credentials (OAuth clients, API keys, legacy keys), for Kyra's operators. */
@RestController
@RequestMapping("/admin/v1/platforms")
@Hidden
class AdminPlatformController {

    private static final List<String> SETTINGS =
            List.of("minimal_kyb_allowed", "auto_verify_business_customers", "auto_verify_individuals");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final PlatformService platforms;
    private final OAuthClientService oauthClients;
    private final ApiKeyService apiKeys;

    AdminPlatformController(PlatformService platforms, OAuthClientService oauthClients, ApiKeyService apiKeys) {
        this.platforms = platforms;
        this.oauthClients = oauthClients;
        this.apiKeys = apiKeys;
    }

    @GetMapping
    Map<String, Object> list() {
        return AdminFace.data(platforms.list().stream().map(AdminPlatformController::json).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        UUID platformId = platformId(id);
        return AdminFace.data(json(platforms.find(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId))));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(JsonBody body) {
        JsonNode name = body.object().get("name");
        if (name == null || !name.isString() || name.stringValue().isBlank()
                || name.stringValue().strip().length() > 200) {
            throw new AdminInputException("name is required: a string of 1 to 200 characters.");
        }
        Platform platform = platforms.create(name.stringValue().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(json(platform)));
    }

    @PatchMapping("/{id}")
    Map<String, Object> changeSettings(@PathVariable String id, JsonBody body) {
        ObjectNode settings = body.object();
        for (String key : settings.propertyNames()) {
            if (!SETTINGS.contains(key)) {
                throw new AdminInputException(HttpStatus.BAD_REQUEST, "Unknown setting " + key + "; the settings are "
                        + String.join(", ", SETTINGS) + ".");
            }
        }
        SettingsChange change = new SettingsChange(flag(settings, "minimal_kyb_allowed"),
                flag(settings, "auto_verify_business_customers"), flag(settings, "auto_verify_individuals"));
        return AdminFace.data(json(platforms.changeSettings(platformId(id), change)));
    }

    @PostMapping("/{id}/oauth-clients")
    ResponseEntity<Map<String, Object>> createOAuthClient(@PathVariable String id, JsonBody body) {
        Mode mode = mode(body.object());
        List<String> scopes = scopes(body.object(), OAuthScopes.ALL);
        IssuedCredential client = oauthClients.create(platformId(id), mode, scopes);
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(issuedClient(client)));
    }

    @GetMapping("/{id}/oauth-clients")
    Map<String, Object> listOAuthClients(@PathVariable String id) {
        return AdminFace.data(oauthClients.list(platformId(id)).stream().map(client -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("client_id", client.clientId());
            json.put("mode", client.tenant().mode().code());
            json.put("scopes", client.scopes());
            json.put("created_at", TIMESTAMP.format(client.createdAt()));
            json.put("revoked_at", client.revoked() ? TIMESTAMP.format(client.revokedAt()) : null);
            return json;
        }).toList());
    }

    /** A new secret, shown only here; the old secret and every token issued with it stop working. */
    @PostMapping("/{id}/oauth-clients/{clientId}/rotate-secret")
    Map<String, Object> rotateOAuthClientSecret(@PathVariable String id, @PathVariable String clientId) {
        return AdminFace.data(issuedClient(oauthClients.rotate(platformId(id), clientId)));
    }

    @DeleteMapping("/{id}/oauth-clients/{clientId}")
    ResponseEntity<Void> revokeOAuthClient(@PathVariable String id, @PathVariable String clientId) {
        oauthClients.revoke(platformId(id), clientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/api-keys")
    ResponseEntity<Map<String, Object>> createApiKey(@PathVariable String id, JsonBody body) {
        Mode mode = mode(body.object());
        List<String> scopes = scopes(body.object(), ApiKeyScopes.ALL);
        IssuedCredential key = apiKeys.create(platformId(id), mode, scopes);
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(issuedKey(key)));
    }

    @GetMapping("/{id}/api-keys")
    Map<String, Object> listApiKeys(@PathVariable String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.ALLAWEE).stream()
                .map(AdminPlatformController::storedKey).toList());
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    ResponseEntity<Void> revokeApiKey(@PathVariable String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.ALLAWEE, keyId);
        return ResponseEntity.noContent().build();
    }

    /** A Blaaiz legacy key ({@code x-blaaiz-api-key}, decision B19), with every customer-surface scope. */
    @PostMapping("/{id}/legacy-api-keys")
    ResponseEntity<Map<String, Object>> createLegacyApiKey(@PathVariable String id, JsonBody body) {
        IssuedCredential key = apiKeys.createLegacy(platformId(id), mode(body.object()));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminFace.data(issuedKey(key)));
    }

    @GetMapping("/{id}/legacy-api-keys")
    Map<String, Object> listLegacyApiKeys(@PathVariable String id) {
        return AdminFace.data(apiKeys.list(platformId(id), ApiKeyFace.BLAAIZ_LEGACY).stream()
                .map(AdminPlatformController::storedKey).toList());
    }

    @DeleteMapping("/{id}/legacy-api-keys/{keyId}")
    ResponseEntity<Void> revokeLegacyApiKey(@PathVariable String id, @PathVariable String keyId) {
        apiKeys.revoke(platformId(id), ApiKeyFace.BLAAIZ_LEGACY, keyId);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> issuedKey(IssuedCredential key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("key", key.secret());
        json.put("mode", key.mode().code());
        json.put("scopes", key.scopes());
        return json;
    }

    private static Map<String, Object> storedKey(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("mode", key.tenant().mode().code());
        json.put("scopes", key.scopes());
        json.put("created_at", TIMESTAMP.format(key.createdAt()));
        json.put("revoked_at", key.revokedAt() == null ? null : TIMESTAMP.format(key.revokedAt()));
        return json;
    }

    private static Map<String, Object> issuedClient(IssuedCredential client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_id", client.id());
        json.put("client_secret", client.secret());
        json.put("mode", client.mode().code());
        json.put("scopes", client.scopes());
        return json;
    }

    static Mode mode(ObjectNode body) {
        JsonNode mode = body.get("mode");
        return Mode.fromCode(mode != null && mode.isString() ? mode.stringValue() : "")
                .orElseThrow(() -> new AdminInputException("mode is required: test or live."));
    }

    static List<String> scopes(ObjectNode body, List<String> known) {
        JsonNode scopes = body.get("scopes");
        if (scopes == null || !scopes.isArray() || scopes.isEmpty()) {
            throw new AdminInputException("scopes is required: a non-empty array of " + String.join(", ", known) + ".");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode scope : scopes) {
            if (!scope.isString() || !known.contains(scope.stringValue())) {
                throw new AdminInputException("scopes may contain only " + String.join(", ", known) + ".");
            }
            if (!list.contains(scope.stringValue())) {
                list.add(scope.stringValue());
            }
        }
        return list;
    }

    static UUID platformId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PlatformNotFoundException(null);
        }
    }

    private static Boolean flag(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new AdminInputException(HttpStatus.BAD_REQUEST, name + " must be true or false.");
        }
        return value.booleanValue();
    }

    private static Map<String, Object> json(Platform platform) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", platform.id().toString());
        json.put("name", platform.name());
        json.put("is_default", platform.isDefault());
        json.put("minimal_kyb_allowed", platform.settings().minimalKybAllowed());
        json.put("auto_verify_business_customers", platform.settings().autoVerifyBusinessCustomers());
        json.put("auto_verify_individuals", platform.settings().autoVerifyIndividuals());
        json.put("created_at", TIMESTAMP.format(platform.createdAt()));
        json.put("updated_at", TIMESTAMP.format(platform.updatedAt()));
        return json;
    }
}
