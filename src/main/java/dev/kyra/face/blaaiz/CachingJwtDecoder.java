package dev.kyra.face.blaaiz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified. A client sends the same token for up to fifteen minutes,
 * and checking its signature again on every request was a quarter of the CPU of a write. A remembered
 * token is forgotten at its expiry, so it is refused from then on as the verifier would; the cache is
 * bounded (Caffeine evicts past the maximum), so memory never grows with the number of tokens issued.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && stillValid(jwt)) {
            return jwt;
        }
        Jwt decoded = decoder.decode(token); // signature, expiry and the rest checked here
        verified.put(token, decoded);
        return decoded;
    }

    private Duration untilExpiry(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Caffeine's expiry runs on its own ticker; the token's own {@code exp} is checked against the clock too. */
    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
