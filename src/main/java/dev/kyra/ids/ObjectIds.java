package dev.kyra.ids;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The 12-byte, ObjectId-shaped companion of a UUIDv7 (decision D3): the Allawee face shows ids as a
 * prefix plus the base58 form of such a value. It is derived, not random, so it can be recomputed,
 * and its layout keeps the time order of the UUID:
 *
 * <pre>
 *   bytes 0-3   Unix seconds of the UUID's timestamp (as a MongoDB ObjectId has)
 *   bytes 4-11  millisecond within that second (10 bits), the UUID's 12-bit counter, then the
 *               first 42 of its 62 random bits
 * </pre>
 */
public final class ObjectIds {

    public static final int LENGTH = 12;
    /** Characters of an object id in base58, padded: 12 bytes need at most 17. */
    public static final int BASE58_WIDTH = 17;

    private ObjectIds() {
    }

    /** The object id as faces print it after their prefix. */
    public static String base58(byte[] objectId) {
        return Base58.encodeFixed(objectId, BASE58_WIDTH);
    }

    public static byte[] fromUuidV7(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version-7 UUID");
        }
        long millis = uuid.getMostSignificantBits() >>> 16;
        long counter = uuid.getMostSignificantBits() & 0xFFF;
        long random = uuid.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
        long tail = ((millis % 1000) << 54) | (counter << 42) | (random >>> 20);
        return ByteBuffer.allocate(LENGTH)
                .putInt((int) (millis / 1000))
                .putLong(tail)
                .array();
    }
}
