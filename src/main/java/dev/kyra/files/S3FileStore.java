package dev.kyra.files;

import dev.kyra.personal.WrappedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files in an S3-compatible bucket. Clients upload and download directly with presigned URLs; Kyra
 * only inspects what arrived (its size, and its first bytes by a ranged GET) before a file is
 * registered. Objects are private, as a bucket's are unless told otherwise; the presigned PUT signs
 * no header at all, so whatever Content-Type the client sends is accepted (decision B23).
 */
final class S3FileStore implements FileStore {

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;

    S3FileStore(S3Client client, S3Presigner presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String uploadUrl(StoredFile file, Duration validFor, String baseUrl) {
        return presigner.presignPutObject(request -> request.signatureDuration(validFor)
                        .putObjectRequest(put -> put.bucket(bucket).key(file.storageKey())))
                .url().toString();
    }

    @Override
    public String downloadUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl) {
        return presignGet(storageKey, validFor, null);
    }

    @Override
    public String viewUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl) {
        return presignGet(storageKey, validFor, "inline");
    }

    /** A disposition given is part of the signed request: S3 answers with it. */
    private String presignGet(String storageKey, Duration validFor, String disposition) {
        return presigner.presignGetObject(request -> request.signatureDuration(validFor)
                        .getObjectRequest(get -> get.bucket(bucket).key(storageKey).responseContentDisposition(disposition)))
                .url().toString();
    }

    @Override
    public Optional<StoredObject> inspect(StoredFile file) {
        String key = file.storageKey();
        HeadObjectResponse head;
        try {
            head = client.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (head.contentLength() == 0) {
            return Optional.of(new StoredObject(0, new byte[0]));
        }
        String range = "bytes=0-" + (ContentTypes.HEAD_LENGTH - 1);
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(request -> request.bucket(bucket).key(key).range(range))) {
            return Optional.of(new StoredObject(head.contentLength(), readAll(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * None: clients upload straight to the bucket, so Kyra never holds the bytes to encrypt them. The
     * bucket's default encryption ({@link FileStorageConfiguration}) encrypts every object instead.
     */
    @Override
    public WrappedKey newFileKey(UUID fileId) {
        return null;
    }

    @Override
    public void delete(StoredFile file) {
        client.deleteObject(request -> request.bucket(bucket).key(file.storageKey()));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readNBytes(ContentTypes.HEAD_LENGTH);
    }
}
