package dev.kyra.files;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Uploads and their checks. A client first asks for an upload URL (valid five minutes), PUTs the
 * bytes there, then presents the file id to register it; only then is the file looked at: it must be
 * bound to what it is registered for, exist in storage, be at most 25 MB, and start like a PDF, JPEG
 * or PNG. Download URLs are valid two minutes.
 */
@Service
public class FileService {

    public static final long MAX_BYTES = 25L * 1024 * 1024;
    public static final Duration UPLOAD_URL_LIFETIME = Duration.ofMinutes(5);
    public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(2);
    /**
     * Headers a client must send with the bytes: none. The official SDKs send a Content-Type (and maybe a
     * Content-Disposition) of their own and nothing else, so no upload URL may need more (decision B23).
     */
    public static final Map<String, String> UPLOAD_HEADERS = Map.of();

    private final FileRepository files;
    private final FileStore store;
    private final Clock clock;

    FileService(FileRepository files, FileStore store, Clock clock) {
        this.clock = clock;
        this.files = files;
        this.store = store;
    }

    /** A new upload for the binding, and the URL to PUT its bytes to. */
    public PreparedUpload prepareUpload(Tenant tenant, FileBinding binding, String baseUrl) {
        UUID id = UuidV7.next();
        Instant now = Timestamps.now(clock);
        StoredFile file = new StoredFile(id, tenant, binding, storageKey(tenant, binding, id), now.plus(UPLOAD_URL_LIFETIME),
                null, now, store.newFileKey(id), null);
        files.insert(file);
        return new PreparedUpload(id, store.uploadUrl(file, UPLOAD_URL_LIFETIME, baseUrl), UPLOAD_HEADERS);
    }

    /**
     * The upload behind a file id, if it may be registered for the binding.
     *
     * @throws FileProblem saying why it may not
     */
    public CheckedFile check(Tenant tenant, UUID fileId, FileBinding expected) {
        StoredFile file = files.find(tenant, fileId).orElseThrow(() -> new FileProblem(FileProblem.Kind.UNKNOWN));
        if (!file.binding().equals(expected)) {
            throw new FileProblem(FileProblem.Kind.OTHER_PURPOSE);
        }
        StoredObject object = store.inspect(file).orElseThrow(() -> new FileProblem(FileProblem.Kind.NOT_UPLOADED));
        if (object.size() > MAX_BYTES) {
            throw new FileProblem(FileProblem.Kind.TOO_LARGE);
        }
        ContentTypes type = ContentTypes.of(object.head()).orElseThrow(() -> new FileProblem(FileProblem.Kind.UNSUPPORTED_TYPE));
        return new CheckedFile(file.id(), file.storageKey(), object.size(), type);
    }

    /**
     * A fresh two-minute URL for a registered file. The caller vouches for the file: it holds the
     * reference because a tenant-scoped read of a customer returned it.
     */
    public String downloadUrl(UUID fileId, String storageKey, String baseUrl) {
        return store.downloadUrl(fileId, storageKey, DOWNLOAD_URL_LIFETIME, baseUrl);
    }

    /** A short-lived link that shows the file in the page (a reviewer's view) rather than saving it. */
    public String viewUrl(UUID fileId, String storageKey, String baseUrl) {
        return store.viewUrl(fileId, storageKey, DOWNLOAD_URL_LIFETIME, baseUrl);
    }

    /**
     * Deletes every file of the customer: first what is stored, then the rows and the keys in them (a
     * failure part way leaves rows to delete on a retry, never a stored file nobody knows of). Rows
     * that refer to the files (owners, documents) must already be gone.
     */
    public void deleteAllOf(Tenant tenant, UUID customerId) {
        files.findByCustomer(tenant, customerId).forEach(store::delete);
        files.deleteByCustomer(tenant, customerId);
    }

    /** Keys are grouped by tenant and customer, so one prefix holds everything of one customer. */
    private static String storageKey(Tenant tenant, FileBinding binding, UUID id) {
        String owner = binding.ownerId() == null ? "" : "owner/" + binding.ownerId() + "/";
        return tenant.platformId() + "/" + tenant.mode().code() + "/customer/" + binding.customerId() + "/" + owner
                + binding.purpose() + "_" + id;
    }
}
