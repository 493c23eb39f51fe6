package dev.kyra.face.blaaiz;

import dev.kyra.platform.Caller;
import dev.kyra.web.JsonBody;
import dev.kyra.webhooks.BlaaizWebhook;
import dev.kyra.webhooks.WebhookEndpoints;
import dev.kyra.webhooks.WebhookNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The Blaaiz webhook record (spec §6.1, decisions B11, B14, B22): one per platform and mode. */
@RestController
@Tag(name = "Webhooks (Blaaiz)")
class BlaaizWebhookController {

    private static final String PATH = "/api/external/webhook";

    private final WebhookEndpoints webhooks;

    BlaaizWebhookController(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(PATH)
    @Operation(summary = "Register the webhook URLs", description = "Needs webhook:write. Replaces existing URLs and "
            + "issues a new signing_secret; the old one stops at once.")
    Map<String, Object> register(Caller caller, JsonBody body) {
        String secret = webhooks.registerBlaaiz(caller.tenant(), text(body, "collection_url"), text(body, "payout_url"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", "Webhook record created successfully");
        json.put("data", Map.of("signing_secret", secret));
        return json;
    }

    /** The record under {@code data} and again at the top level: the docs read one, the SDKs the other. */
    @GetMapping(PATH)
    @Operation(summary = "Get the webhook URLs", description = "Needs webhook:read. 404 when none are registered.")
    Map<String, Object> get(Caller caller) {
        BlaaizWebhook webhook = webhooks.blaaiz(caller.tenant()).orElseThrow(WebhookNotFoundException::new);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", webhook.id().toString());
        record.put("collection_url", webhook.collectionUrl());
        record.put("payout_url", webhook.payoutUrl());
        record.put("created_at", BlaaizCustomerWriter.timestamp(webhook.createdAt()));
        record.put("updated_at", BlaaizCustomerWriter.timestamp(webhook.updatedAt()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", "Webhook record retrieved successfully");
        json.put("data", record);
        json.putAll(record);
        return json;
    }

    @PutMapping(PATH)
    @Operation(summary = "Change the webhook URLs", description = "Needs webhook:write. Either URL may be left out.")
    Map<String, Object> update(Caller caller, JsonBody body) {
        return update(caller, null, body);
    }

    @PutMapping(PATH + "/{webhookId}")
    @Operation(summary = "Change the webhook URLs of the record with this id", description = "Needs webhook:write.")
    Map<String, Object> updateById(Caller caller, @PathVariable("webhookId") String id, JsonBody body) {
        return update(caller, recordId(id), body);
    }

    private Map<String, Object> update(Caller caller, UUID id, JsonBody body) {
        webhooks.updateBlaaiz(caller.tenant(), id, optionalText(body, "collection_url"), optionalText(body, "payout_url"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", "Webhook record updated successfully");
        return json;
    }

    private static UUID recordId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new WebhookNotFoundException();
        }
    }

    /** A URL the body must carry; anything but a string is an invalid URL. */
    private static String text(JsonBody body, String key) {
        String value = optionalText(body, key);
        return value == null ? "" : value;
    }

    private static String optionalText(JsonBody body, String key) {
        JsonNode value = body.object().get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.stringValue() : "";
    }
}
