package dev.kyra.webhooks;

/** No webhook of the caller's platform and mode by that id (or none at all). */
public final class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException() {
        super("No webhook URLs configured", null, false, false);
    }
}
