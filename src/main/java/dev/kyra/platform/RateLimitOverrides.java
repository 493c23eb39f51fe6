package dev.kyra.platform;

/**
 * A platform's own requests-per-credential limits (decision D10): null keeps Kyra's default
 * ({@code KYRA_RATE_LIMIT_PER_MINUTE}, {@code KYRA_RATE_LIMIT_PER_HOUR}), 0 is no limit.
 */
public record RateLimitOverrides(Integer perMinute, Integer perHour) {

    public static final RateLimitOverrides NONE = new RateLimitOverrides(null, null);

    /** The largest limit a platform may set: far more than one node serves, and small enough for an int. */
    public static final int MAX = 1_000_000_000;

    public RateLimitOverrides {
        for (Integer limit : new Integer[] {perMinute, perHour}) {
            if (limit != null && (limit < 0 || limit > MAX)) {
                throw new IllegalArgumentException("a rate limit is from 0 (no limit) to " + MAX + ": " + limit);
            }
        }
    }

    /** This override where it sets a limit, the other where it does not. */
    RateLimitOverrides over(RateLimitOverrides current) {
        return new RateLimitOverrides(perMinute != null ? perMinute : current.perMinute,
                perHour != null ? perHour : current.perHour);
    }
}
