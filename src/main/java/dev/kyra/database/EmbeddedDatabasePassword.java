package dev.kyra.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: 256 random bits made at first start and kept in a
 * file only Kyra's OS user can read. The database asks every connection for it (scram-sha-256), so
 * another local user who finds the port cannot read the customers.
 */
record EmbeddedDatabasePassword(Path file, String value, boolean createdNow) {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    static EmbeddedDatabasePassword readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.length() < 32) {
                throw new IllegalStateException("the embedded database's password file " + file + " is damaged");
            }
            return new EmbeddedDatabasePassword(file, value, false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // created with owner-only permissions from the first byte, never readable by others in between
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException raced) {
            return readOrCreate(file);
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        return new EmbeddedDatabasePassword(file, value, true);
    }
}
