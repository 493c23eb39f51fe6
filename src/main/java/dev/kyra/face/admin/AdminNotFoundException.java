package dev.kyra.face.admin;

/** An admin path that names nothing: an unknown tier or decision. */
final class AdminNotFoundException extends RuntimeException {

    AdminNotFoundException(String message) {
        super(message, null, false, false);
    }
}
