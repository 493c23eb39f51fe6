package dev.kyra.face.allawee;

import dev.kyra.platform.Caller;
import dev.kyra.query.KeysetSearch;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import dev.kyra.web.JsonBody;
import dev.kyra.webhooks.AllaweeWebhook;
import dev.kyra.webhooks.AllaweeWebhookSpec;
import dev.kyra.webhooks.WebhookEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Allawee webhooks (spec allawee.md §5.5, decisions A13, A19): created disabled, enabled to take
 * effect, and never showing their signing key except from {@code /secret}.
 */
@RestController
@RequestMapping("/webhooks")
class AllaweeWebhookController {

    /** A webhook's fields, named in problems as the JSON names them. */
    enum Part {
        NAME("name"), EVENTS("events"), URL("url"), API_VERSION("apiVersion"), DESCRIPTION("description"),
        SIGNING_KEY("signingKey"), METADATA("metadata");

        private final String json;

        Part(String json) {
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    private static final int MAX_TEXT = 255;
    private static final int MIN_KEY = 16;

    private final WebhookEndpoints webhooks;

    AllaweeWebhookController(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, JsonBody body) {
        AllaweeWebhookSpec spec = spec(body.object());
        String key = signingKey(body.object());
        return success(json(webhooks.createAllawee(caller.tenant(), spec, key)));
    }

    /** The list query language (allawee.md §4.B) over the webhooks; the default webhook is the admin's, not listed. */
    @GetMapping
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        AllaweeListQuery list = AllaweeListQuery.from(request.getParameterMap(), AllaweeQueryFields.WEBHOOKS);
        KeysetSearch.Page<AllaweeWebhook> page = webhooks.allaweePage(caller.tenant(), list.query());
        return AllaweeFace.page(page.items().stream().map(webhook -> list.selected(json(webhook))).toList(),
                page.hasMore(), page.total());
    }

    @GetMapping("/{webhookId}")
    Map<String, Object> get(Caller caller, @PathVariable("webhookId") String id) {
        return success(json(webhooks.allawee(caller.tenant(), AllaweeIds.webhook(id))
                .orElseThrow(dev.kyra.webhooks.WebhookNotFoundException::new)));
    }

    /** Every field but the key, which only {@code /secret/roll} changes. */
    @PutMapping("/{webhookId}")
    Map<String, Object> update(Caller caller, @PathVariable("webhookId") String id, JsonBody body) {
        if (body.object().has("signingKey")) {
            throw invalid(Part.SIGNING_KEY, "{field} cannot be changed here; use /webhooks/:id/secret/roll");
        }
        return success(json(webhooks.updateAllawee(caller.tenant(), AllaweeIds.webhook(id), spec(body.object()))));
    }

    @DeleteMapping("/{webhookId}")
    Map<String, Object> delete(Caller caller, @PathVariable("webhookId") String id) {
        webhooks.deleteAllawee(caller.tenant(), AllaweeIds.webhook(id));
        return Map.of("code", "success");
    }

    @PostMapping("/{webhookId}/enable")
    Map<String, Object> enable(Caller caller, @PathVariable("webhookId") String id) {
        return success(json(webhooks.setAllaweeEnabled(caller.tenant(), AllaweeIds.webhook(id), true)));
    }

    @PostMapping("/{webhookId}/disable")
    Map<String, Object> disable(Caller caller, @PathVariable("webhookId") String id) {
        return success(json(webhooks.setAllaweeEnabled(caller.tenant(), AllaweeIds.webhook(id), false)));
    }

    @GetMapping("/{webhookId}/secret")
    Map<String, Object> secret(Caller caller, @PathVariable("webhookId") String id) {
        return success(Map.of("signingKey", webhooks.allaweeSecret(caller.tenant(), AllaweeIds.webhook(id))));
    }

    /** A new key, the client's or Kyra's; the old one stops at once. */
    @PostMapping("/{webhookId}/secret/roll")
    Map<String, Object> roll(Caller caller, @PathVariable("webhookId") String id, JsonBody body) {
        String key = webhooks.rollAllaweeSecret(caller.tenant(), AllaweeIds.webhook(id), signingKey(body.object()));
        return success(Map.of("signingKey", key));
    }

    private static AllaweeWebhookSpec spec(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        String name = text(body, Part.NAME, true, problems);
        String url = text(body, Part.URL, true, problems);
        List<String> events = events(body, problems);
        String apiVersion = text(body, Part.API_VERSION, false, problems);
        String description = text(body, Part.DESCRIPTION, false, problems);
        JsonNode metadata = body.get(Part.METADATA.toString());
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            problems.add(Violation.of(FieldPath.of(Part.METADATA), "{field} must be an object"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AllaweeWebhookSpec(name, events, url, apiVersion, description,
                metadata == null || metadata.isNull() ? null : metadata.toString());
    }

    private static List<String> events(ObjectNode body, List<Violation> problems) {
        JsonNode events = body.get(Part.EVENTS.toString());
        if (events == null || !events.isArray() || events.isEmpty()) {
            problems.add(Violation.of(FieldPath.of(Part.EVENTS), "{field} is required: a non-empty array of event names"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isString() || !AllaweeWebhookRenderer.EVENTS.contains(event.stringValue())) {
                problems.add(Violation.of(FieldPath.of(Part.EVENTS), "{field} may contain only "
                        + String.join(", ", AllaweeWebhookRenderer.EVENTS.stream().sorted().toList())));
                return List.of();
            }
            if (!names.contains(event.stringValue())) {
                names.add(event.stringValue());
            }
        }
        return names;
    }

    private static String text(ObjectNode body, Part part, boolean required, List<Violation> problems) {
        JsonNode value = body.get(part.toString());
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(Violation.of(FieldPath.of(part), "{field} is required"));
            }
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > 2048
                || part != Part.URL && value.stringValue().length() > MAX_TEXT) {
            problems.add(Violation.of(FieldPath.of(part), "{field} must be a string of 1 to "
                    + (part == Part.URL ? 2048 : MAX_TEXT) + " characters"));
            return null;
        }
        return value.stringValue().strip();
    }

    /** The client's own key, at least 16 characters, or null for one Kyra makes. */
    private static String signingKey(ObjectNode body) {
        JsonNode key = body.get(Part.SIGNING_KEY.toString());
        if (key == null || key.isNull()) {
            return null;
        }
        if (!key.isString() || key.stringValue().length() < MIN_KEY || key.stringValue().length() > MAX_TEXT) {
            throw invalid(Part.SIGNING_KEY, "{field} must be a string of " + MIN_KEY + " to " + MAX_TEXT + " characters");
        }
        return key.stringValue();
    }

    private static InvalidInputException invalid(Part part, String template) {
        return new InvalidInputException(Violation.of(FieldPath.of(part), template));
    }

    static Map<String, Object> json(AllaweeWebhook webhook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", AllaweeIds.webhook(webhook.objectId()));
        json.put("object", "webhook");
        json.put("name", webhook.name());
        json.put("events", webhook.events());
        json.put("url", webhook.url());
        json.put("apiVersion", webhook.apiVersion());
        json.put("description", webhook.description());
        json.put("metadata", webhook.metadata() == null ? null : tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(webhook.metadata()));
        json.put("status", webhook.enabled() ? "enabled" : "disabled");
        json.put("createdAt", AllaweeCustomerWriter.timestamp(webhook.createdAt()));
        json.put("updatedAt", AllaweeCustomerWriter.timestamp(webhook.updatedAt()));
        return json;
    }

    private static Map<String, Object> success(Object data) {
        return AllaweeFace.success(data);
    }
}
