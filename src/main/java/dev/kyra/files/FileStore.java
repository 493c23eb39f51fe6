package dev.kyra.files;

import dev.kyra.personal.WrappedKey;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Where uploaded bytes live. Two adapters: {@link LocalFileStore} and {@link S3FileStore}. */
interface FileStore {

    /**
     * A URL a client PUTs the file's bytes to, valid for {@code validFor}, that needs no header beyond
     * what any HTTP client sends (decision B23).
     */
    String uploadUrl(StoredFile file, Duration validFor, String baseUrl);

    /** A URL that serves the bytes of a stored file for {@code validFor}. */
    String downloadUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl);

    /** Like {@link #downloadUrl}, but the file is served to be shown in the page ({@code Content-Disposition: inline}). */
    String viewUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl);

    /** The size and first bytes of what is stored for the file, if anything is (decrypted, when the store encrypts). */
    Optional<StoredObject> inspect(StoredFile file);

    /** A key for a new file, when this store encrypts what it keeps; null when it does not. */
    WrappedKey newFileKey(UUID fileId);

    /** Removes what is stored for the file; nothing stored is no error. */
    void delete(StoredFile file);
}
