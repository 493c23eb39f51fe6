package dev.kyra.web;

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

    String newRequestId();

    /**
     * The body of an error response.
     *
     * @param code a short kebab-case reason, such as {@code payload-too-large}, for faces that show one
     */
    Object errorBody(HttpStatus status, String code, String message);
}
