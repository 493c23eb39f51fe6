package dev.kyra.files;

import dev.kyra.database.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URLs of local storage, standing in for S3's presigned ones: {@code PUT /files/{token}} receives
 * an upload (once, within five minutes, at most 25 MB, answered with an ETag as S3 does), and
 * {@code GET /files/{token}} serves a file for two minutes. The signed token is the only credential.
 */
@RestController
@ConditionalOnBean(LocalFileStore.class)
class LocalFileController {

    private final LocalFileStore store;
    private final FileRepository files;
    private final UrlSigner signer;
    private final Clock clock;

    LocalFileController(LocalFileStore store, FileRepository files, UrlSigner signer, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.files = files;
        this.signer = signer;
    }

    @PutMapping(LocalFileStore.URL_PATH + "{token}")
    ResponseEntity<Object> upload(@PathVariable String token, HttpServletRequest request) throws IOException {
        Optional<StoredFile> file = granted(token, UrlSigner.Operation.UPLOAD);
        if (file.isEmpty()) {
            return refuse(HttpStatus.FORBIDDEN, "The upload URL is invalid or has expired.");
        }
        if (file.get().uploadedAt() != null) {
            return refuse(HttpStatus.CONFLICT, "This upload URL has been used; request a new one.");
        }
        if (request.getContentLengthLong() > FileService.MAX_BYTES) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "The file exceeds the 25 MB maximum.");
        }
        LocalFileStore.Received received;
        try (InputStream body = request.getInputStream()) {
            received = store.receive(file.get(), body, FileService.MAX_BYTES);
        } catch (LocalFileStore.TooLargeException e) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "The file exceeds the 25 MB maximum.");
        }
        if (!files.markUploaded(file.get().id(), Timestamps.now(clock), received.size())) {
            store.discard(received); // a concurrent PUT with the same URL won
            return refuse(HttpStatus.CONFLICT, "This upload URL has been used; request a new one.");
        }
        store.keep(received, file.get().storageKey());
        return ResponseEntity.ok().eTag("\"" + received.md5() + "\"").build();
    }

    @GetMapping(LocalFileStore.URL_PATH + "{token}")
    ResponseEntity<Object> download(@PathVariable String token) throws IOException {
        Optional<UrlSigner.Grant> grant = signer.verify(token, Timestamps.now(clock))
                .filter(given -> given.operation() == UrlSigner.Operation.DOWNLOAD || given.operation() == UrlSigner.Operation.VIEW);
        Optional<StoredFile> file = grant.flatMap(given -> files.findBySignedId(given.fileId()));
        Optional<StoredObject> object = file.flatMap(store::inspect);
        if (object.isEmpty()) {
            return refuse(HttpStatus.FORBIDDEN, "The download URL is invalid or has expired.");
        }
        MediaType type = ContentTypes.of(object.get().head()).map(t -> MediaType.parseMediaType(t.mediaType()))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(object.get().size())
                // only bytes checked to be a PDF, JPEG or PNG are shown in the page; anything else is saved
                .header(HttpHeaders.CONTENT_DISPOSITION, grant.get().operation() == UrlSigner.Operation.VIEW
                        && !type.equals(MediaType.APPLICATION_OCTET_STREAM) ? "inline" : "attachment")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(store.open(file.get())));
    }

    private Optional<StoredFile> granted(String token, UrlSigner.Operation operation) {
        return signer.verify(token, Timestamps.now(clock))
                .filter(grant -> grant.operation() == operation)
                .flatMap(grant -> files.findBySignedId(grant.fileId()));
    }

    private static ResponseEntity<Object> refuse(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status.name().toLowerCase().replace('_', '-'));
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
