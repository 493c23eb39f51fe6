package dev.kyra.files;

import dev.kyra.personal.FileKeys;
import dev.kyra.personal.WrappedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Files on local disk under {@code KYRA_DATA_DIR/files}, served by Kyra itself through signed URLs
 * ({@link LocalFileController}). A received file is written to a temporary file, flushed to disk and
 * then moved into place, so a crash never leaves half a document under a key.
 *
 * <p>Only ciphertext reaches the disk (decision D11): each file is encrypted as it streams in with
 * its own key ({@link FileKeys}), and decrypted as it streams out. A file kept before encryption has no
 * key and is served as it is.
 */
final class LocalFileStore implements FileStore {

    static final String URL_PATH = "/files/";

    private final Path root;
    private final UrlSigner signer;
    private final FileKeys fileKeys;
    private final Clock clock;

    LocalFileStore(Path root, UrlSigner signer, FileKeys fileKeys, Clock clock) {
        this.root = root;
        this.signer = signer;
        this.fileKeys = fileKeys;
        this.clock = clock;
    }

    @Override
    public WrappedKey newFileKey(UUID fileId) {
        return fileKeys.create(fileId);
    }

    @Override
    public void delete(StoredFile file) {
        try {
            Files.deleteIfExists(pathOf(file.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete file " + file.id(), e);
        }
    }

    @Override
    public String uploadUrl(StoredFile file, Duration validFor, String baseUrl) {
        return baseUrl + URL_PATH + signer.sign(UrlSigner.Operation.UPLOAD, file.id(), clock.instant().plus(validFor));
    }

    @Override
    public String downloadUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl) {
        return baseUrl + URL_PATH + signer.sign(UrlSigner.Operation.DOWNLOAD, fileId, clock.instant().plus(validFor));
    }

    @Override
    public String viewUrl(UUID fileId, String storageKey, Duration validFor, String baseUrl) {
        return baseUrl + URL_PATH + signer.sign(UrlSigner.Operation.VIEW, fileId, clock.instant().plus(validFor));
    }

    /**
     * The plaintext's size and first bytes: the size kept at upload, so only the first segment is
     * decrypted; a file uploaded before sizes were kept is decrypted through to count it.
     */
    @Override
    public Optional<StoredObject> inspect(StoredFile file) {
        Path path = pathOf(file.storageKey());
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(ContentTypes.HEAD_LENGTH);
            long size = file.size() != null ? file.size() : head.length + in.transferTo(OutputStream.nullOutputStream());
            return Optional.of(new StoredObject(size, head));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A received body, not yet in place: its size and MD5 (the ETag S3 would give it). */
    record Received(Path temporary, long size, String md5) {
    }

    /**
     * Writes a body to a temporary file beside its destination, flushed to disk.
     *
     * @throws TooLargeException when the body passes {@code limit} bytes (nothing is kept)
     */
    Received receive(StoredFile file, InputStream body, long limit) throws IOException {
        Path target = pathOf(file.storageKey());
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            MessageDigest md5 = md5();
            long size;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream disk = unclosable(java.nio.channels.Channels.newOutputStream(channel));
                // the digest is of what the client sent, as S3's ETag is; the disk gets the ciphertext
                try (OutputStream out = new DigestOutputStream(encrypting(file, disk), md5)) {
                    size = copyAtMost(body, out, limit);
                }
                channel.force(true);
            }
            return new Received(temporary, size, HexFormat.of().formatHex(md5.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5"); // S3's ETag of a single-part upload; not for security
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Moves a received body into place under its key, durably. */
    void keep(Received received, String key) throws IOException {
        Path target = pathOf(key);
        Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true); // the rename itself must survive a crash too
        }
    }

    void discard(Received received) throws IOException {
        Files.deleteIfExists(received.temporary());
    }

    /** The file's bytes as they were uploaded. */
    InputStream open(StoredFile file) throws IOException {
        InputStream stored = Files.newInputStream(pathOf(file.storageKey()));
        return file.key() == null ? stored : fileKeys.decrypting(file.id(), file.key(), file.storageKey(), stored);
    }

    /** Closing the stream closes {@code disk} too, after the last segment is written. */
    private OutputStream encrypting(StoredFile file, OutputStream disk) throws IOException {
        return file.key() == null ? disk : fileKeys.encrypting(file.id(), file.key(), file.storageKey(), disk);
    }

    private Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key escapes the file root");
        }
        return path;
    }

    /** The channel must stay open past the encrypting stream's close, to be forced to disk. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw new TooLargeException();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The body passed the size limit. */
    static final class TooLargeException extends IOException {

        TooLargeException() {
            super("upload larger than the limit");
        }
    }
}
