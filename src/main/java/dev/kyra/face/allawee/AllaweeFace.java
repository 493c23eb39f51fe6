package dev.kyra.face.allawee;

import dev.kyra.ids.UuidV7;
import dev.kyra.web.ApiFace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Allawee wire format's paths, request ids ({@code req.} + base58, decision A14) and error shape
 * ({@code {"code", "message", "statusCode"}}, decision A1).
 */
@Component
class AllaweeFace implements ApiFace {

    static final List<String> ROOTS = List.of("/customers", "/webhooks", "/events", "/requests", "/simulation");
    /** The header a request names its API version with (allawee.md §1.5). */
    static final String VERSION_HEADER = "Allawee-Version";
    /** The version of a request that names none: the newest the spec knows. Kyra serves one format for all. */
    static final String NEWEST_VERSION = "2025-06-01";
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public boolean serves(String path) {
        return ROOTS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    @Override
    public String newRequestId() {
        return AllaweeIds.print(AllaweeIds.REQUEST_PREFIX, UuidV7.next());
    }

    @Override
    public Object errorBody(HttpStatus status, String code, String message) {
        return error(status, code, message);
    }

    /** The version a request asked for with {@code Allawee-Version}, or the newest. */
    static String apiVersionOf(jakarta.servlet.http.HttpServletRequest request) {
        String asked = request.getHeader(VERSION_HEADER);
        return asked != null && VERSION.matcher(asked.strip()).matches() ? asked.strip() : NEWEST_VERSION;
    }

    /** The success envelope (allawee.md §2.1). */
    static Map<String, Object> success(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "success");
        body.put("data", data);
        return body;
    }

    /** A page of a list: the records, and {@code metadata} with {@code hasMore} and, when counted, {@code totalCount}. */
    static Map<String, Object> page(List<Map<String, Object>> records, boolean hasMore, Long total) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("hasMore", hasMore);
        if (total != null) {
            metadata.put("totalCount", total);
        }
        Map<String, Object> body = success(records);
        body.put("metadata", metadata);
        return body;
    }

    static Map<String, Object> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("statusCode", status.value());
        return body;
    }
}
