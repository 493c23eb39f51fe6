package dev.kyra.files;

import java.util.Map;
import java.util.UUID;

/** A new upload: the file id to register later, the URL to PUT the bytes to, and headers to send with them. */
public record PreparedUpload(UUID fileId, String url, Map<String, String> headers) {
}
