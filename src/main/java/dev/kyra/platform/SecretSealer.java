package dev.kyra.platform;

import dev.kyra.database.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seals what Kyra must read back but keep from anyone with a copy of its database — webhook signing
 * keys, the answers kept under idempotency keys — with AES-256-GCM, bound to the row they
 * belong to by associated data, so a sealed key cannot be copied onto another endpoint. The key is
 * {@code KYRA_SECRETS_KEY_FILE} (the base64 of 32 random bytes; every node of a cluster needs the same
 * file) or, by default, {@code secrets.key} in the data directory, made at first start readable by
 * its owner only. Losing it makes the signing keys unreadable: endpoints then need a new secret.
 */
@Component
public class SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    /**
     * Ciphers to use again: finding the provider for a new one was most of a seal's time, and every
     * keyed POST seals its kept answer. Each is initialised afresh (key and nonce) for each use.
     */
    private final BlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(64);

    public SecretSealer(@Value("${kyra.secrets-key-file:}") String keyFile, DataDirectory dataDirectory) {
        Path path = StringUtils.hasText(keyFile) ? Path.of(keyFile) : dataDirectory.resolve("secrets.key");
        this.key = new SecretKeySpec(load(path, random), "AES");
    }

    public byte[] seal(String secret, String boundTo) {
        return seal(secret.getBytes(StandardCharsets.UTF_8), boundTo);
    }

    /** @throws IllegalStateException when the secret was sealed for another row or with another key */
    public String open(byte[] sealed, String boundTo) {
        return new String(openBytes(sealed, boundTo), StandardCharsets.UTF_8);
    }

    public byte[] seal(byte[] secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = borrow();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            idle.offer(cipher);
        }
    }

    /** @throws IllegalStateException when the secret was sealed for another row or with another key */
    public byte[] openBytes(byte[] sealed, String boundTo) {
        Cipher cipher = borrow();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open: another key, or another row's secret");
        } finally {
            idle.offer(cipher);
        }
    }

    private Cipher borrow() {
        Cipher cipher = idle.poll();
        if (cipher != null) {
            return cipher;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] load(Path path, SecureRandom random) {
        try {
            if (!Files.exists(path)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(path.toAbsolutePath().getParent());
                try {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(path, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.SYNC);
                } catch (FileAlreadyExistsException e) {
                    // another node or process made it first: read theirs
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(path).strip());
            if (key.length != 32) {
                throw new IllegalStateException(path + " must hold the base64 of 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key " + path, e);
        }
    }
}
