package dev.kyra.edge;

import java.time.Instant;

/**
 * One request of a platform and mode as the request log keeps it (decision A18): what was asked and
 * how it ended, never its body or query string, which can carry personal data.
 *
 * @param id the request id the response carried in {@code x-request-id}
 */
public record RequestRecord(String id, String method, String path, String apiVersion, int statusCode,
                            int latencyMillis, String ipAddress, Instant createdAt) {
}
