package dev.kyra.support;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ES256 signature of a compact JWT, taken apart and put back, for tests that forge or alter
 * tokens. Kyra takes only the low-s form of a signature, so a token a test signs itself is lowered
 * the way any careful signer does it.
 */
public final class Es256Signatures {

    public static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private Es256Signatures() {
    }

    public static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    public static BigInteger s(String token) {
        return new BigInteger(1, Arrays.copyOfRange(signature(token), 32, 64));
    }

    public static boolean hasLowS(String token) {
        return s(token).compareTo(P256_ORDER.shiftRight(1)) <= 0;
    }

    /** The same token with {@code s} replaced by {@code n - s}: mathematically valid as well. */
    public static String twin(String token) {
        byte[] signature = signature(token);
        byte[] twin = Arrays.copyOf(signature, 64);
        byte[] s = P256_ORDER.subtract(s(token)).toByteArray();
        Arrays.fill(twin, 32, 64, (byte) 0);
        int length = Math.min(s.length, 32);
        System.arraycopy(s, s.length - length, twin, 64 - length, length);
        return token.substring(0, token.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(twin);
    }

    public static String lowS(String token) {
        return hasLowS(token) ? token : twin(token);
    }
}
