package dev.kyra.personal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The keys of uploaded files: a Tink streaming AEAD keyset (AES-256-GCM-HKDF, 1 MB segments) per file,
 * wrapped by the master key and stored in the file's row, so a 25 MB scan is encrypted and decrypted
 * as it streams, never held whole. The file's storage key is the associated data: a ciphertext moved
 * under another key does not open. Erasing a customer deletes its files' rows, and with them the keys.
 */
@Component
public class FileKeys {

    private final MasterKeys masterKeys;

    FileKeys(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    static String boundTo(UUID fileId) {
        return "file:" + fileId;
    }

    public WrappedKey create(UUID fileId) {
        return RandomnessThreads.call(() -> {
            try {
                return masterKeys.wrap(KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
                        boundTo(fileId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a file key", e);
            }
        });
    }

    /** A stream that encrypts what is written to it into {@code ciphertext}; closing it writes the last segment. */
    public OutputStream encrypting(UUID fileId, WrappedKey key, String storageKey, OutputStream ciphertext) throws IOException {
        StreamingAead streaming = streaming(fileId, key);
        try {
            // the stream draws its salt and nonce prefix as it is made; the segments after need no randomness
            return RandomnessThreads.call(() -> {
                try {
                    return streaming.newEncryptingStream(ciphertext, storageKey.getBytes(StandardCharsets.UTF_8));
                } catch (GeneralSecurityException e) {
                    throw new UncheckedIOException(new IOException("cannot encrypt file " + fileId, e));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The plaintext of {@code ciphertext}; a read fails with an IOException if any segment was altered. */
    public InputStream decrypting(UUID fileId, WrappedKey key, String storageKey, InputStream ciphertext) throws IOException {
        try {
            return streaming(fileId, key).newDecryptingStream(ciphertext, storageKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt file " + fileId, e);
        }
    }

    private StreamingAead streaming(UUID fileId, WrappedKey key) {
        return Tink.primitive(masterKeys.unwrap(key, boundTo(fileId)), StreamingAead.class);
    }
}
