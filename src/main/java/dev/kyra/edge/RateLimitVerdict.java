package dev.kyra.edge;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a credential stands after a request: whether it was allowed, and the headers that tell the
 * client. {@code X-RateLimit-*} (blaaiz.md §1.7) name the per-minute maximum and what is left before
 * a 429, with the time that grows again; the IETF draft's {@code RateLimit-Policy} and {@code RateLimit}
 * describe every window ("minute", "hour") that has a limit.
 */
record RateLimitVerdict(boolean allowed, int[] limits, long[] used, long[] resets, long now) {

    static final RateLimitVerdict UNLIMITED = new RateLimitVerdict(true, new int[0], new long[0], new long[0], 0);
    private static final String[] NAMES = {"minute", "hour"};
    private static final int[] SECONDS = {SharedCounts.MINUTE, SharedCounts.HOUR};

    void writeHeaders(HttpServletResponse response) {
        int binding = binding();
        if (binding < 0) {
            return;
        }
        response.setHeader("X-RateLimit-Limit", Integer.toString(limits[0] > 0 ? limits[0] : limits[1]));
        response.setHeader("X-RateLimit-Remaining", Long.toString(remaining(binding)));
        response.setHeader("X-RateLimit-Reset", Long.toString(resets[binding]));
        StringBuilder policy = new StringBuilder();
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < limits.length; i++) {
            if (limits[i] > 0) {
                String separator = policy.isEmpty() ? "" : ", ";
                policy.append(separator).append('"').append(NAMES[i]).append("\";q=").append(limits[i])
                        .append(";w=").append(SECONDS[i]);
                state.append(separator).append('"').append(NAMES[i]).append("\";r=").append(remaining(i))
                        .append(";t=").append(resets[i] - now);
            }
        }
        response.setHeader("RateLimit-Policy", policy.toString());
        response.setHeader("RateLimit", state.toString());
    }

    /** Seconds until a refused request may succeed: the end of the window that refused it. */
    long retryAfterSeconds() {
        long latest = now;
        for (int i = 0; i < limits.length; i++) {
            if (limits[i] > 0 && used[i] >= limits[i]) {
                latest = Math.max(latest, resets[i]);
            }
        }
        return Math.max(1, latest - now);
    }

    /** The limited window with the least left (the minute on a tie), or -1 when none is limited. */
    private int binding() {
        int binding = -1;
        for (int i = 0; i < limits.length; i++) {
            if (limits[i] > 0 && (binding < 0 || remaining(i) < remaining(binding))) {
                binding = i;
            }
        }
        return binding;
    }

    private long remaining(int window) {
        return Math.max(0, limits[window] - used[window]);
    }
}
