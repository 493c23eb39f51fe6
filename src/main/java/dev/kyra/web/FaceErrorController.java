package dev.kyra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (an exception that escaped every filter, or an
 * error status set outside Spring MVC) in the shape of the face the original request was for,
 * instead of Spring Boot's generic error page.
 */
@RestController
class FaceErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(FaceErrorController.class);

    private final ApiFaces faces;

    FaceErrorController(ApiFaces faces) {
        this.faces = faces;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (DatabaseUnavailable.causedBy(failure)) {
            return DatabaseUnavailable.answer(faces.forPath(path), path, failure);
        }
        if (status == null || status.is5xxServerError()) {
            log.error("unexpected failure of {}", path, failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            return ResponseEntity.status(status).body(faces.forPath(path).errorBody(status, "internal-error",
                    ApiFaces.INTERNAL_ERROR_MESSAGE));
        }
        return ResponseEntity.status(status).body(faces.forPath(path).errorBody(status,
                ApiFace.codeOf(status), status.getReasonPhrase() + "."));
    }
}
