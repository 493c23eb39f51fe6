package dev.kyra.face.admin;

import dev.kyra.web.ApiFace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Kyra's own operator API under {@code /admin}: errors are {@code {"code", "message"}}. */
@Component
class AdminFace implements ApiFace {

    static final String PREFIX = "/admin/";

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public Object errorBody(HttpStatus status, String code, String message) {
        return error(code, message);
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    /** The success envelope: {@code {"data": ...}}. */
    static Map<String, Object> data(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        return body;
    }
}
