package dev.kyra.face.blaaiz;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.Arrays;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * One token, one valid string. An ECDSA signature {@code (r, s)} is just as valid as {@code (r, n - s)},
 * and a base64url segment can end in a character whose unused bits differ: either way a second string
 * verifies for the same token, which breaks anything that keys on the token (our verified-token cache,
 * a client's or a proxy's). Kyra signs with the low {@code s} and refuses a high {@code s} or a
 * signature segment that is not the canonical encoding of its bytes.
 */
final class CanonicalSignatures {

    /** The order of the P-256 group. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);
    private static final int COORDINATE_BYTES = 32;

    private CanonicalSignatures() {
    }

    /** Signs through {@code encoder}, then lowers {@code s} where it came out high. */
    static JwtEncoder lowS(JwtEncoder encoder) {
        return (JwtEncoderParameters parameters) -> {
            Jwt jwt = encoder.encode(parameters);
            String canonical = canonical(jwt.getTokenValue());
            if (canonical.equals(jwt.getTokenValue())) {
                return jwt;
            }
            return Jwt.withTokenValue(canonical).headers(headers -> headers.putAll(jwt.getHeaders()))
                    .claims(claims -> claims.putAll(jwt.getClaims())).build();
        };
    }

    /** Refuses a token that is not in its one canonical form, before {@code decoder} looks at it. */
    static JwtDecoder canonicalOnly(JwtDecoder decoder) {
        return token -> {
            if (!isCanonical(token)) {
                throw new BadJwtException("the token's signature is not in its canonical form");
            }
            return decoder.decode(token);
        };
    }

    static boolean isCanonical(String token) {
        try {
            JWSObject jws = JWSObject.parse(token);
            String signaturePart = token.substring(token.lastIndexOf('.') + 1);
            byte[] signature = jws.getSignature().decode();
            if (!Base64URL.encode(signature).toString().equals(signaturePart)) {
                return false;
            }
            return !JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                    || (signature.length == 2 * COORDINATE_BYTES && s(signature).compareTo(HALF_ORDER) <= 0);
        } catch (ParseException e) {
            return true; // not a JWS at all: the decoder refuses it with its own reason
        }
    }

    private static String canonical(String token) {
        try {
            JWSObject jws = JWSObject.parse(token);
            byte[] signature = jws.getSignature().decode();
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || signature.length != 2 * COORDINATE_BYTES
                    || s(signature).compareTo(HALF_ORDER) <= 0) {
                return token;
            }
            byte[] low = Arrays.copyOf(signature, signature.length);
            byte[] lowS = P256_ORDER.subtract(s(signature)).toByteArray();
            Arrays.fill(low, COORDINATE_BYTES, low.length, (byte) 0);
            int length = Math.min(lowS.length, COORDINATE_BYTES);
            System.arraycopy(lowS, lowS.length - length, low, low.length - length, length);
            return token.substring(0, token.lastIndexOf('.') + 1) + Base64URL.encode(low);
        } catch (ParseException e) {
            throw new JwtException("could not read the token just signed", e);
        }
    }

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, COORDINATE_BYTES, signature.length));
    }
}
