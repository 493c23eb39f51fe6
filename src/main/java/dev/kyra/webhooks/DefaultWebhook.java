package dev.kyra.webhooks;

/** A platform's default webhook for one mode (decision A16), with its signing key read back. */
public record DefaultWebhook(String url, String signingKey) {
}
