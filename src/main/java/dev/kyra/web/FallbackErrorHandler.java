package dev.kyra.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that are about HTTP rather than customers, answered in the shape of the face the request
 * was for. Faces handle their own domain errors first; this handler is the last resort, and the
 * only place a 5xx is produced, logged with its stack trace but without request data.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackErrorHandler.class);

    private final ApiFaces faces;

    FallbackErrorHandler(ApiFaces faces) {
        this.faces = faces;
    }

    @ExceptionHandler(MalformedBodyException.class)
    ResponseEntity<Object> malformed(HttpServletRequest request, MalformedBodyException e) {
        return error(request, HttpStatus.BAD_REQUEST, "malformed-json", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(HttpServletRequest request, PayloadTooLargeException e) {
        return error(request, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(request, tooLarge);
        }
        return error(request, HttpStatus.BAD_REQUEST, "malformed-body", "The request body cannot be read.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(HttpServletRequest request) {
        return error(request, HttpStatus.NOT_FOUND, "not-found", "No endpoint " + request.getMethod() + " "
                + request.getRequestURI() + ".");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers -> {
                    if (e.getSupportedHttpMethods() != null) {
                        headers.setAllow(e.getSupportedHttpMethods());
                    }
                })
                .body(body(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                        "The method " + request.getMethod() + " is not allowed on " + request.getRequestURI() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpServletRequest request) {
        return error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "The request's Content-Type is not supported here.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpServletRequest request) {
        return error(request, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This endpoint answers in JSON.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> badParameter(HttpServletRequest request, Exception e) {
        String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return error(request, HttpStatus.BAD_REQUEST, "invalid-parameter", "The parameter " + name + " is missing or invalid.");
    }

    @ExceptionHandler(TooManyConcurrentRequestsException.class)
    ResponseEntity<Object> tooManyAtOnce(HttpServletRequest request, TooManyConcurrentRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(body(request, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage()));
    }

    /**
     * Anything else is a failure of ours, except the database being away: the pool gives up within its
     * connection timeout (a few seconds), and the client is told to come back.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(HttpServletRequest request, Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return DatabaseUnavailable.answer(faces.forRequest(request), request.getMethod() + " " + request.getRequestURI(), e);
        }
        log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                ApiFaces.INTERNAL_ERROR_MESSAGE);
    }

    private ResponseEntity<Object> error(HttpServletRequest request, HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(body(request, status, code, message));
    }

    private Object body(HttpServletRequest request, HttpStatus status, String code, String message) {
        return faces.forRequest(request).errorBody(status, code, message);
    }
}
