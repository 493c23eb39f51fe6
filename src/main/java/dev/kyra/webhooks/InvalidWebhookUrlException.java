package dev.kyra.webhooks;

/** A URL that webhooks may not be sent to (decision D7); faces answer it in their own "invalid URL" shape. */
public final class InvalidWebhookUrlException extends RuntimeException {

    public InvalidWebhookUrlException() {
        super("Invalid webhook URL format", null, false, false);
    }
}
