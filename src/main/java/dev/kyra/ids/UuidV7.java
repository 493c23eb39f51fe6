package dev.kyra.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Generates RFC 9562 version-7 UUIDs in the application, so that ids sort by creation time on any
 * PostgreSQL 14+ (the database's own {@code uuidv7()} exists only from PostgreSQL 18).
 *
 * <p>The 12 bits after the version hold a counter, so ids minted within one millisecond still
 * increase (RFC 9562 §6.2, method 1). When the counter overflows, the timestamp borrows the next
 * millisecond rather than breaking the order.
 */
public final class UuidV7 {

    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    /** DRBG: thread-safe and in-process, where the default NativePRNG reads /dev/urandom under a lock. */
    private static final SecureRandom RANDOM = drbg();
    private static final Clock CLOCK = Clock.systemUTC();

    private static long lastMillis;
    private static long counter;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        long sequence;
        synchronized (UuidV7.class) {
            long now = CLOCK.millis();
            if (now > lastMillis) {
                lastMillis = now;
                // start low in the counter space so a burst has room before it borrows a millisecond
                counter = RANDOM.nextInt(1 << (COUNTER_BITS - 2));
            } else if (++counter > COUNTER_MASK) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            sequence = counter;
        }
        long mostSignificant = (millis << 16) | (0x7L << 12) | sequence;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** The creation time carried by a version-7 UUID. */
    public static Instant timestampOf(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version-7 UUID");
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }
}
