package dev.kyra.face.blaaiz;

import dev.kyra.platform.Secrets;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are 256-bit random strings stored as SHA-256 hashes (decision B16). A slow password
 * hash would add nothing against a brute force of 256 bits and would cap token issuance at a few
 * dozen per second.
 */
final class Sha256SecretEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return HexFormat.of().formatHex(Secrets.sha256(rawSecret.toString()));
    }

    @Override
    public boolean matches(CharSequence rawSecret, String encodedSecret) {
        return rawSecret != null && encodedSecret != null
                && Secrets.matches(rawSecret.toString(), HexFormat.of().parseHex(encodedSecret));
    }
}
