package dev.kyra.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps microseconds. Truncating in Java means a value returned from memory right after a
 * write equals the one read back later.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The clock's time as PostgreSQL will store it; the clock is the application's {@code Clock} bean. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Seconds from a stored time until now, never negative; 0 for none (a gauge's "oldest" of an empty set). */
    public static double secondsSince(Timestamp stored, Clock clock) {
        return stored == null ? 0 : Math.max(0, Duration.between(stored.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
