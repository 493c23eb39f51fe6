package dev.kyra.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The master key file: one key per line, {@code <id> <base64 of 32 random bytes>}, the first line the
 * primary (it wraps every new data key), the others kept only to unwrap what they wrapped until a
 * rotation has moved it; blank lines and lines starting with {@code #} are ignored. An operator makes
 * one with {@code printf 'k1 %s\n' "$(openssl rand -base64 32)" > master.key}. Kyra writes it (at first
 * start, and when it adds a key) readable by its owner only, through a temporary file renamed into
 * place, so a crash never leaves half a key file.
 */
final class MasterKeyFile {

    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("\\s*(#.*)?");

    private final Path path;

    MasterKeyFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    FileTime lastModified() {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + path, e);
        }
    }

    /** The keys by id, the primary first. */
    LinkedHashMap<String, byte[]> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + path, e);
        }
        LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (BLANK_OR_COMMENT.matcher(line).matches()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            byte[] key = parts.length == 2 && ID.matcher(parts[0]).matches() ? decode(parts[1]) : null;
            if (key == null || key.length != KEY_BYTES || keys.containsKey(parts[0])) {
                // the line itself is never quoted: it holds a key
                throw new IllegalStateException("line " + number + " of the master key file " + path
                        + " is not '<id> <base64 of " + KEY_BYTES + " bytes>' with an id of its own");
            }
            keys.put(parts[0], key);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the master key file " + path + " holds no key");
        }
        return keys;
    }

    /** Writes the keys, the primary first, durably and readable by the owner only. */
    void write(Map<String, byte[]> keys) {
        List<String> lines = new ArrayList<>();
        lines.add("# Kyra's master key: the first key wraps new data keys. Back this file up apart from the database;");
        lines.add("# without it the identifiers, dates of birth and files Kyra holds cannot be read.");
        keys.forEach((id, key) -> lines.add(id + " " + Base64.getEncoder().encodeToString(key)));
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), ".master-key-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, lines, StandardCharsets.UTF_8, StandardOpenOption.SYNC);
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + path, e);
        }
    }

    /** A fresh key and an id that says when it was made: {@code m20261202-1a2b3c}. */
    static Map.Entry<String, byte[]> generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        String id = "m" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
        return Map.entry(id, key);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
