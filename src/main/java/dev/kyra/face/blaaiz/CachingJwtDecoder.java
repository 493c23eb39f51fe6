package dev.kyra.face.blaaiz;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified. A client sends the same token for up to fifteen minutes,
 * and checking its RSA signature again on every request was a quarter of the CPU of a write. A
 * remembered token is still refused once it expires; the cache is bounded and is emptied when full,
 * so memory never grows with the number of tokens issued.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt != null && stillValid(jwt)) {
            return jwt;
        }
        if (jwt != null) {
            verified.remove(token);
        }
        Jwt decoded = decoder.decode(token); // signature, expiry and the rest checked here
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, decoded);
        return decoded;
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
