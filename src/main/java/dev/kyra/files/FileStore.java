package dev.kyra.files;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where uploaded bytes live. Two adapters: {@link LocalFileStore} and {@link S3FileStore}. */
interface FileStore {

    /**
     * A URL a client PUTs the bytes of {@code key} to, valid for {@code validFor}; the client must send
     * {@code headers} with it.
     */
    String uploadUrl(StoredFile file, Duration validFor, Map<String, String> headers, String baseUrl);

    /** A URL that serves the bytes of a stored file for {@code validFor}. */
    String downloadUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl);

    /** The size and first bytes of what is stored under the key, if anything is. */
    Optional<StoredObject> inspect(String key);
}
