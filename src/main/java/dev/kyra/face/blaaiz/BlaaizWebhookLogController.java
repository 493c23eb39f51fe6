package dev.kyra.face.blaaiz;

import dev.kyra.platform.Caller;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import dev.kyra.web.JsonBody;
import dev.kyra.webhooks.WebhookFace;
import dev.kyra.webhooks.WebhookLog;
import dev.kyra.webhooks.WebhookLogFilter;
import dev.kyra.webhooks.WebhookLogs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The Blaaiz webhook logs and replay (spec §6.1, decision B17): customer-event deliveries of the caller's tenant. */
@RestController
@Tag(name = "Webhooks (Blaaiz)")
class BlaaizWebhookLogController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_FOUND = "Webhook log not found";
    private static final int DEFAULT_PER_PAGE = 15;
    private static final int MAX_PER_PAGE = 30;
    private static final Map<String, String> STATUSES = Map.of("SUCCESSFUL", "delivered", "FAILED", "failed",
            "INITIATED", "pending", "PROCESSING", "pending");

    /** The log's query parameters, as its problems name them. */
    enum Parameter { START_DATE, END_DATE, STATUS, PER_PAGE, PAGE, TRANSACTION_ID }

    private final WebhookLogs logs;

    BlaaizWebhookLogController(WebhookLogs logs) {
        this.logs = logs;
    }

    @GetMapping("/api/external/webhook-logs")
    @Operation(summary = "List webhook deliveries", description = "Needs webhook:read. Newest first; per_page 1 to 30.")
    Map<String, Object> list(Caller caller, @RequestParam(name = "start_date", required = false) String startDate,
                             @RequestParam(name = "end_date", required = false) String endDate,
                             @RequestParam(required = false) String status, @RequestParam(required = false) String type,
                             @RequestParam(name = "search_term", required = false) String searchTerm,
                             @RequestParam(name = "per_page", required = false) String perPage,
                             @RequestParam(required = false) String page) {
        List<Violation> problems = new ArrayList<>();
        Instant from = day(startDate, Parameter.START_DATE, problems, 0);
        Instant before = day(endDate, Parameter.END_DATE, problems, 1); // the end date is included
        String delivery = status == null || status.isBlank() ? null : STATUSES.get(status.strip().toUpperCase(java.util.Locale.ROOT));
        if (status != null && !status.isBlank() && delivery == null) {
            problems.add(Violation.of(FieldPath.of(Parameter.STATUS), "{field} must be one of: SUCCESSFUL, FAILED"));
        }
        int size = BlaaizCustomerController.integerFrom1To(MAX_PER_PAGE, perPage, DEFAULT_PER_PAGE, Parameter.PER_PAGE, problems);
        int number = BlaaizCustomerController.integerFrom1To(Integer.MAX_VALUE / MAX_PER_PAGE, page, 1, Parameter.PAGE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // every customer delivery's payload type is "customer": as a filter it keeps them all
        String eventType = type == null || type.isBlank() || type.strip().equals("customer") ? null : type.strip();
        String search = searchTerm == null || searchTerm.isBlank() ? null : searchTerm.strip();
        WebhookLogs.Page result = logs.page(caller.tenant(), WebhookFace.BLAAIZ,
                new WebhookLogFilter(from, before, delivery, eventType, search), (number - 1) * size, size);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current_page", number);
        json.put("data", result.items().stream().map(BlaaizWebhookLogController::log).toList());
        json.put("per_page", size);
        json.put("total", result.total());
        return json;
    }

    @GetMapping("/api/external/webhook-logs/{logId}")
    @Operation(summary = "Get a webhook delivery with its attempts", description = "Needs webhook:read.")
    ResponseEntity<Map<String, Object>> get(Caller caller, @PathVariable("logId") String id) {
        return uuid(id).flatMap(logId -> logs.find(caller.tenant(), WebhookFace.BLAAIZ, logId)).map(found -> {
            Map<String, Object> data = log(found);
            data.put("webhook_log_histories", found.history().stream().map(BlaaizWebhookLogController::attempt).toList());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("message", "Webhook log retrieved successfully");
            json.put("data", data);
            return ResponseEntity.ok(json);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(BlaaizFace.error(NOT_FOUND)));
    }

    @PostMapping({"/api/external/webhook/replay", "/api/external/webhook-replay"})
    @Operation(summary = "Send a customer webhook again", description = "Needs webhook:replay. transaction_id is a "
            + "delivery's event_id or a webhook log id; it is signed afresh and logged as a new attempt.")
    ResponseEntity<Map<String, Object>> replay(Caller caller, JsonBody body) {
        String id = BlaaizLifecycleReader.requiredText(body.object(), "transaction_id", Parameter.TRANSACTION_ID);
        return uuid(id).flatMap(named -> logs.replay(caller.tenant(), WebhookFace.BLAAIZ, named))
                .map(replayed -> ResponseEntity.ok(BlaaizFace.message("Webhook replayed successfully")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(BlaaizFace.error(NOT_FOUND)));
    }

    private static Map<String, Object> log(WebhookLog log) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", log.id().toString());
        json.put("business_id", log.platformId().toString());
        json.put("business_transaction_id", null);
        json.put("business_crypto_wallet_transaction_id", null);
        json.put("type", log.eventType());
        json.put("webhook_url", log.url());
        json.put("payload", log.body() == null ? null : JSON.readTree(log.body()));
        json.put("response", log.lastResponse());
        json.put("status", status(log));
        json.put("created_at", BlaaizCustomerWriter.timestamp(log.createdAt()));
        json.put("updated_at", BlaaizCustomerWriter.timestamp(log.updatedAt()));
        return json;
    }

    private static Map<String, Object> attempt(WebhookLog.Attempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", attempt.id().toString());
        json.put("status_code", attempt.statusCode());
        json.put("response", attempt.response());
        json.put("error", attempt.error());
        json.put("latency_ms", attempt.latencyMillis());
        json.put("headers", attempt.headers());
        json.put("created_at", BlaaizCustomerWriter.timestamp(attempt.at()));
        return json;
    }

    /** INITIATED before the first attempt, PROCESSING while it is retried, then SUCCESSFUL or FAILED. */
    private static String status(WebhookLog log) {
        return switch (log.status()) {
            case "delivered" -> "SUCCESSFUL";
            case "failed" -> "FAILED";
            default -> log.attempts() == 0 ? "INITIATED" : "PROCESSING";
        };
    }

    private static Instant day(String value, Parameter parameter, List<Violation> problems, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date.plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(Violation.of(FieldPath.of(parameter), "{field} must be a date (YYYY-MM-DD)"));
        return null;
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
