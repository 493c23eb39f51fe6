package dev.kyra.face.blaaiz;

import dev.kyra.web.ApiFace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Blaaiz wire format's customer API: its paths, request ids (UUIDs, decision A14) and error
 * envelope (decision B1). The token endpoint answers in OAuth's shape instead ({@link TokenEndpointFace}).
 */
@Component
class BlaaizFace implements ApiFace {

    static final String API_PREFIX = "/api/external/";
    static final String TOKEN_PATH = "/oauth/token";

    @Override
    public boolean serves(String path) {
        return path.startsWith(API_PREFIX) || path.equals(API_PREFIX.substring(0, API_PREFIX.length() - 1));
    }

    @Override
    public Object errorBody(HttpStatus status, String code, String message) {
        return error(message);
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", false);
        body.put("message", message);
        return body;
    }

    /** A success without data, such as a deletion. */
    static Map<String, Object> message(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("message", message);
        return body;
    }
}
