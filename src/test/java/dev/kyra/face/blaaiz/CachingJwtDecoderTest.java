package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return Jwt.withTokenValue(token).header("alg", "ES256").claim("sub", "client")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(900)).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItLives() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC));

        decoder.decode("token-a");
        decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItHasExpired() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW.plusSeconds(901), ZoneOffset.UTC));

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verifications).as("never answered from memory past its exp").hasValue(2);
    }
}
