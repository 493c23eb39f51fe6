package dev.kyra.face.admin;

import org.springframework.http.HttpStatus;

/**
 * An admin request whose body is not what the endpoint takes: 422 for a value the endpoint cannot use,
 * 400 for a body of the wrong shape (an unknown key, a value of the wrong JSON type).
 */
final class AdminInputException extends RuntimeException {

    private final HttpStatus status;

    AdminInputException(String message) {
        this(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    AdminInputException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
