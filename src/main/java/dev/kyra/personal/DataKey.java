package dev.kyra.personal;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * One customer's data key, opened: it seals that customer's identifiers, dates of birth and kept
 * payloads, each bound by associated data to the customer and to the place it is stored in
 * ({@code owner}, then the field), so a ciphertext copied to another row or field does not open. Its
 * wrapped form is stored in the customer's row; destroying that destroys every value it sealed.
 */
public final class DataKey {

    private final Aead aead;
    private final WrappedKey wrapped;
    private final String owner;

    DataKey(Aead aead, WrappedKey wrapped, String owner) {
        this.aead = aead;
        this.wrapped = wrapped;
        this.owner = owner;
    }

    public WrappedKey wrapped() {
        return wrapped;
    }

    /** The sealed value of {@code place} (a field's key, {@code owner/<id>/tin} ...) as base64. */
    public String seal(String place, String value) {
        return Base64.getEncoder().encodeToString(sealBytes(place, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws IllegalStateException when the value was sealed for another place or by another key */
    public String open(String place, String sealed) {
        return new String(openBytes(place, Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }

    /** Sealed where Tink's randomness is cheap to draw (see {@link RandomnessThreads}). */
    public byte[] sealBytes(String place, byte[] value) {
        return RandomnessThreads.call(() -> {
            try {
                return aead.encrypt(value, associatedData(place));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        });
    }

    public byte[] openBytes(String place, byte[] sealed) {
        try {
            return aead.decrypt(sealed, associatedData(place));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value of " + owner + " does not open at " + place);
        }
    }

    private byte[] associatedData(String place) {
        return (owner + "/" + place).getBytes(StandardCharsets.UTF_8);
    }
}
