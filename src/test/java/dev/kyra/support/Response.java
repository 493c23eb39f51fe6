package dev.kyra.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as a test sees it: status, headers, and the body as text and as JSON. */
public record Response(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The {@code data} member of a success envelope. */
    public JsonNode data() {
        return json().get("data");
    }

    public String message() {
        return json().get("message").stringValue();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
