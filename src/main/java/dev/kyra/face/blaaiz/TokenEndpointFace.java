package dev.kyra.face.blaaiz;

import dev.kyra.web.ApiFace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code /oauth/token}: the Blaaiz face's token endpoint, whose errors are OAuth 2's
 * {@code {"error", "error_description"}} (spec §2.1), even for a request refused before Spring
 * Authorization Server reads it (bad parameters, an oversized body).
 */
@Component
class TokenEndpointFace implements ApiFace {

    @Override
    public boolean serves(String path) {
        return path.equals(BlaaizFace.TOKEN_PATH);
    }

    @Override
    public Object errorBody(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status.is5xxServerError() ? "server_error" : "invalid_request");
        body.put("error_description", message);
        body.put("message", message); // as the token endpoint's other errors: some SDKs read this one
        return body;
    }
}
