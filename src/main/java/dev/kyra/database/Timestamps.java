package dev.kyra.database;

import java.time.Clock;
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
}
