package dev.kyra.edge;

/** No request of the caller's platform and mode by that id in the log. */
public final class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException() {
        super("Request not found", null, false, false);
    }
}
