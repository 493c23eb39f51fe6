package dev.kyra.webhooks;

/** No event record of the caller's platform and mode by that id. */
public final class EventNotFoundException extends RuntimeException {

    public EventNotFoundException() {
        super("Event not found", null, false, false);
    }
}
