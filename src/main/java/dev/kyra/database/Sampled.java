package dev.kyra.database;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure read from the database at most once per period, for gauges: a scrape, or several
 * gauges read from one query, costs one query per period however often they are asked. A failed
 * reading keeps the last one (a gauge must not fail a scrape because the database blinked).
 */
public final class Sampled<T> implements Supplier<T> {

    private final Supplier<T> reading;
    private final long periodNanos;
    private T last;
    private long takenAt;
    private boolean taken;

    public Sampled(Duration period, T initial, Supplier<T> reading) {
        this.reading = reading;
        this.periodNanos = period.toNanos();
        this.last = initial;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (!taken || now - takenAt >= periodNanos) {
            taken = true;
            takenAt = now;
            try {
                last = reading.get();
            } catch (RuntimeException e) {
                // kept: the last reading
            }
        }
        return last;
    }
}
