package dev.kyra.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own refusals — a path with {@code %00} or bytes that are not UTF-8, a header it cannot
 * parse — happen before Spring sees the request, and Tomcat would answer them with an HTML page. This
 * valve takes the place of Tomcat's error report and writes them in the shape of the face the path
 * belongs to, with no server details.
 */
final class FaceErrorReportValve extends ErrorReportValve {

    private final ApiFaces faces;
    private final JsonMapper json;

    FaceErrorReportValve(ApiFaces faces, JsonMapper json) {
        this.faces = faces;
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || status.is5xxServerError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = status.is5xxServerError()
                ? ApiFaces.INTERNAL_ERROR_MESSAGE
                : status == HttpStatus.BAD_REQUEST ? "The request is malformed: its path or headers cannot be read."
                : status.getReasonPhrase() + ".";
        String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
        Object body = faces.forPath(path).errorBody(status, ApiFace.codeOf(status), message);
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to tell it
        }
    }
}
