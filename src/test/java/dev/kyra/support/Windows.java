package dev.kyra.support;

import java.time.Duration;
import java.time.Instant;

/** Rate limits count in minutes of the clock: a test that counts waits out a minute about to end. */
public final class Windows {

    private Windows() {
    }

    /** Returns when at least {@code needed} of the current minute is left, sleeping into the next one if not. */
    public static void minuteWithAtLeast(Duration needed) {
        long millisIntoMinute = Instant.now().toEpochMilli() % 60_000;
        long left = 60_000 - millisIntoMinute;
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
