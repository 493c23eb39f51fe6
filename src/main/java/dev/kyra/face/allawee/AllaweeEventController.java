package dev.kyra.face.allawee;

import dev.kyra.platform.Caller;
import dev.kyra.query.KeysetSearch;
import dev.kyra.webhooks.EventNotFoundException;
import dev.kyra.webhooks.EventRecord;
import dev.kyra.webhooks.EventRecords;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events sent (or to be sent) to the platform's webhooks (spec allawee.md §5.4, decision A17):
 * one record per event and webhook, with its delivery status and attempts, and a retry.
 */
@RestController
@RequestMapping("/events")
class AllaweeEventController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventRecords events;

    AllaweeEventController(EventRecords events) {
        this.events = events;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        AllaweeListQuery list = AllaweeListQuery.from(request.getParameterMap(), AllaweeQueryFields.EVENTS);
        KeysetSearch.Page<EventRecord> page = events.page(caller.tenant(), list.query());
        return AllaweeFace.page(page.items().stream().map(event -> list.selected(json(event))).toList(),
                page.hasMore(), page.total());
    }

    @GetMapping("/{eventId}")
    Map<String, Object> get(Caller caller, @PathVariable("eventId") String id) {
        return AllaweeFace.success(json(events.find(caller.tenant(), AllaweeIds.event(id)).orElseThrow(EventNotFoundException::new)));
    }

    /** Sends the event to its webhook again, now: 202, as the attempt is made after the answer. */
    @PostMapping("/{eventId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> retry(Caller caller, @PathVariable("eventId") String id) {
        EventRecord retried = events.retry(caller.tenant(), AllaweeIds.event(id));
        return AllaweeFace.success(json(retried));
    }

    static Map<String, Object> json(EventRecord event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", AllaweeIds.event(event.objectId()));
        json.put("object", "event");
        json.put("event", event.event());
        json.put("data", data(event.body()));
        json.put("webhook", event.webhookObjectId() == null ? null : AllaweeIds.webhook(event.webhookObjectId()));
        json.put("url", event.url());
        json.put("status", event.status());
        json.put("attempts", attempts(event.attempts()));
        json.put("sentAt", event.sentAt() == null ? null : AllaweeCustomerWriter.timestamp(event.sentAt()));
        json.put("createdAt", AllaweeCustomerWriter.timestamp(event.createdAt()));
        json.put("updatedAt", AllaweeCustomerWriter.timestamp(event.updatedAt()));
        return json;
    }

    /** The customer as the body sent it; null before the first attempt rendered the body. */
    private static JsonNode data(String body) {
        return body == null ? null : JSON.readTree(body).get("data");
    }

    private static List<Map<String, Object>> attempts(List<EventRecord.Attempt> attempts) {
        return attempts.stream().map(attempt -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("statusCode", attempt.statusCode());
            json.put("latency", attempt.latencyMillis());
            json.put("responseBody", attempt.responseBody());
            json.put("error", attempt.error());
            json.put("createdAt", AllaweeCustomerWriter.timestamp(attempt.at()));
            return json;
        }).toList();
    }
}
