package dev.kyra.face.allawee;

import dev.kyra.edge.RequestLog;
import dev.kyra.edge.RequestRecord;
import dev.kyra.platform.Caller;
import dev.kyra.query.KeysetSearch;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's requests on this face for 30 days (allawee.md §2.4, decision A18). Kyra answers
 * every request at once (there is no queued processing), so each record is {@code completed} with
 * the one attempt it took.
 */
@RestController
@RequestMapping("/requests")
class AllaweeRequestController {

    private final RequestLog requests;

    AllaweeRequestController(RequestLog requests) {
        this.requests = requests;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        AllaweeListQuery list = AllaweeListQuery.from(request.getParameterMap(), AllaweeQueryFields.REQUESTS);
        KeysetSearch.Page<RequestRecord> page = requests.page(caller.tenant(), list.query(),
                key -> AllaweeIds.REQUEST_PREFIX + key);
        return AllaweeFace.page(page.items().stream().map(record -> list.selected(json(record))).toList(),
                page.hasMore(), page.total());
    }

    @GetMapping("/{requestId}")
    Map<String, Object> get(Caller caller, @PathVariable("requestId") String id) {
        return AllaweeFace.success(json(requests.find(caller.tenant(), id)));
    }

    static Map<String, Object> json(RequestRecord record) {
        String createdAt = AllaweeCustomerWriter.timestamp(record.createdAt());
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("statusCode", record.statusCode());
        attempt.put("latency", record.latencyMillis());
        attempt.put("createdAt", createdAt);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("_id", record.id().startsWith(AllaweeIds.REQUEST_PREFIX)
                ? record.id().substring(AllaweeIds.REQUEST_PREFIX.length()) : record.id());
        json.put("object", "request");
        json.put("method", record.method());
        json.put("path", record.path());
        json.put("apiVersion", record.apiVersion());
        json.put("status", "completed");
        json.put("attempts", List.of(attempt));
        json.put("source", Map.of("ipAddress", record.ipAddress()));
        json.put("createdAt", createdAt);
        return json;
    }
}
