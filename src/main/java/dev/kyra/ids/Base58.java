package dev.kyra.ids;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Base58 with the Bitcoin alphabet. The alphabet is in ASCII order, so equal-length encodings sort
 * like the numbers they encode; {@link #encodeFixed} pads to a width to keep that property.
 */
public final class Base58 {

    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    /** Encodes the bytes as an unsigned big-endian number, left-padded with '1' (zero) to {@code width}. */
    public static String encodeFixed(byte[] bytes, int width) {
        StringBuilder digits = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
            digits.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
            value = quotientAndRemainder[0];
        }
        if (digits.length() > width) {
            throw new IllegalArgumentException("value needs more than " + width + " base58 digits");
        }
        while (digits.length() < width) {
            digits.append('1');
        }
        return digits.reverse().toString();
    }

    /**
     * Decodes a base58 string to exactly {@code byteCount} big-endian bytes; empty when the text has a
     * character outside the alphabet or encodes a larger number.
     */
    public static Optional<byte[]> decodeFixed(String text, int byteCount) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int length = magnitude.length - start;
        if (length > byteCount) {
            return Optional.empty();
        }
        byte[] out = new byte[byteCount];
        System.arraycopy(magnitude, start, out, byteCount - length, length);
        return Optional.of(out);
    }
}
