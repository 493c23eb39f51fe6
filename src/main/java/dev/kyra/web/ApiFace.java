package dev.kyra.web;

import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * What the shared web layer needs from each face: which requests are its own, how its request ids
 * look, and how its error bodies look. Errors that happen before a face's controller runs (an
 * oversized body, bad JSON, an unknown route, a missing token) are still answered in the shape the
 * face's clients parse.
 */
public interface ApiFace {

    /** Whether requests to this path are this face's. */
    boolean serves(String path);

    /** A new request id: a UUID, unless the face's own format differs (the Allawee face's {@code req.}). */
    default String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** The kebab-case code of a status, such as {@code bad-request}, for errors that have no better one. */
    static String codeOf(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The body of an error response.
     *
     * @param code a short kebab-case reason, such as {@code payload-too-large}, for faces that show one
     */
    Object errorBody(HttpStatus status, String code, String message);
}
