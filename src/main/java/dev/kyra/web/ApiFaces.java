package dev.kyra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Finds the face that serves a request, with a plain fallback for paths no face owns. */
@Component
public class ApiFaces {

    /** What a client is told of a failure of ours: the request id leads to the log line. */
    static final String INTERNAL_ERROR_MESSAGE = "Something went wrong on our side; the request id identifies it in our logs.";

    private static final ApiFace FALLBACK = new ApiFace() {
        @Override
        public boolean serves(String path) {
            return true;
        }

        @Override
        public Object errorBody(HttpStatus status, String code, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("message", message);
            return body;
        }
    };

    private final List<ApiFace> faces;
    private final JsonMapper json;

    ApiFaces(List<ApiFace> faces, JsonMapper json) {
        this.faces = List.copyOf(faces);
        this.json = json;
    }

    public ApiFace forRequest(HttpServletRequest request) {
        return forPath(request.getRequestURI());
    }

    /** Whether a face serves this request (health, API docs and unknown paths are no face's). */
    public boolean servedByAFace(HttpServletRequest request) {
        String path = request.getRequestURI();
        return faces.stream().anyMatch(face -> face.serves(path));
    }

    public ApiFace forPath(String path) {
        return faces.stream().filter(face -> face.serves(path)).findFirst().orElse(FALLBACK);
    }

    /** Writes an error in the request's face shape, for code that runs outside Spring MVC (filters). */
    public void writeError(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                           String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), forRequest(request).errorBody(status, code, message));
    }
}
