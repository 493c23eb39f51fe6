package dev.kyra.face.blaaiz;

import dev.kyra.platform.OAuthClientService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Accepts a token only while its client still has the secret the token was issued with: rotating a
 * secret or revoking a client ends every token issued before (spec §2.1). Checked on every request,
 * after the signature, remembered tokens included.
 */
final class CurrentSecretJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuthClientService clients;

    CurrentSecretJwtDecoder(JwtDecoder decoder, OAuthClientService clients) {
        this.decoder = decoder;
        this.clients = clients;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoder.decode(token);
        String issuedWith = jwt.getClaimAsString(BlaaizSecurity.SECRET_CLAIM);
        boolean current = issuedWith != null && jwt.getSubject() != null
                && clients.currentSecretFingerprint(jwt.getSubject()).filter(issuedWith::equals).isPresent();
        if (!current) {
            throw new BadJwtException("the token's client was revoked or its secret rotated");
        }
        return jwt;
    }
}
