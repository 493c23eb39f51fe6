package dev.kyra.files;

import dev.kyra.personal.WrappedKey;
import dev.kyra.platform.Tenant;
import java.time.Instant;
import java.util.UUID;

/**
 * An upload: the file id a client is given, where its bytes go, what it is for, and what was
 * uploaded, once something was.
 *
 * @param binding the customer, owner and purpose it may be used for
 * @param storageKey where its bytes live in the store
 * @param uploadedAt when bytes were received through a local upload URL; null until then, and for S3
 *                   (whose uploads Kyra does not see)
 * @param key the file's own key, wrapped, when its store encrypts what it keeps (local storage); null
 *            for S3, whose bucket encrypts, and for files kept before encryption
 * @param size the plaintext's bytes, kept when a local upload arrives; null before, for S3, and for
 *             files uploaded before sizes were kept
 */
public record StoredFile(UUID id, Tenant tenant, FileBinding binding, String storageKey, Instant uploadExpiresAt,
                         Instant uploadedAt, Instant createdAt, WrappedKey key, Long size) {
}
