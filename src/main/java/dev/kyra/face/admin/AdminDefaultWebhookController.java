package dev.kyra.face.admin;

import dev.kyra.platform.Mode;
import dev.kyra.platform.PlatformNotFoundException;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.Tenant;
import dev.kyra.web.JsonBody;
import dev.kyra.webhooks.DefaultWebhook;
import dev.kyra.webhooks.WebhookEndpoints;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A platform's default webhook per mode (decision A16): it takes, in the Allawee envelope, every event
 * of that platform and mode that no enabled webhook is subscribed to. The signing key is made by the
 * first PUT and shown in every answer, as the platform's operator needs it to set the receiver up.
 */
@RestController
@RequestMapping("/admin/v1/platforms/{platformId}/default-webhooks/{mode}")
class AdminDefaultWebhookController {

    private final PlatformService platforms;
    private final WebhookEndpoints webhooks;
    private final AdminBodies bodies;

    AdminDefaultWebhookController(PlatformService platforms, WebhookEndpoints webhooks, AdminBodies bodies) {
        this.platforms = platforms;
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    @PutMapping
    Map<String, Object> set(@PathVariable("platformId") String id, @PathVariable String mode, JsonBody body) {
        AdminRequests.DefaultWebhookUrl request = bodies.read(body, AdminRequests.DefaultWebhookUrl.class, "field");
        return AdminFace.data(json(webhooks.setDefault(tenant(id, mode), request.url())));
    }

    @GetMapping
    Map<String, Object> get(@PathVariable("platformId") String id, @PathVariable String mode) {
        return AdminFace.data(json(webhooks.defaultWebhook(tenant(id, mode)).orElseThrow(WebhookNotFoundException::new)));
    }

    /** A new signing key; the old one stops at once. */
    @PostMapping("/secret/roll")
    Map<String, Object> roll(@PathVariable("platformId") String id, @PathVariable String mode) {
        return AdminFace.data(json(webhooks.rollDefaultSecret(tenant(id, mode))));
    }

    /** Events no webhook is subscribed to then go nowhere; idempotent. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("platformId") String id, @PathVariable String mode) {
        webhooks.deleteDefault(tenant(id, mode));
    }

    private Tenant tenant(String id, String mode) {
        UUID platformId = AdminPlatformController.platformId(id);
        platforms.find(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId));
        return new Tenant(platformId, Mode.fromCode(mode).orElseThrow(() -> new AdminInputException(AdminRequests.MODE_RULE)));
    }

    private static Map<String, Object> json(DefaultWebhook webhook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", webhook.url());
        json.put("signingKey", webhook.signingKey());
        return json;
    }
}
