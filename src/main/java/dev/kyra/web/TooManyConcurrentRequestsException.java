package dev.kyra.web;

/**
 * The caller already runs as many heavy requests as {@link ConcurrencyLimits} allows. The message is
 * the face's sentence for its client, and says what to do instead.
 */
public class TooManyConcurrentRequestsException extends RuntimeException {

    public TooManyConcurrentRequestsException(String message) {
        super(message, null, false, false);
    }
}
