package dev.kyra.files;

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

    /** The size and first bytes of what is stored under the key, if anything is. */
    Optional<StoredObject> inspect(String key);
}
