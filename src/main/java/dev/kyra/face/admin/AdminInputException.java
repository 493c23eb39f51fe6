package dev.kyra.face.admin;

/** An admin request whose body is not what the endpoint takes. */
final class AdminInputException extends RuntimeException {

    AdminInputException(String message) {
        super(message, null, false, false);
    }
}
