package dev.kyra.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The embedded server's {@code pg_hba.conf}: password (scram-sha-256) on every line, loopback only.
 * initdb and older Kyra versions wrote {@code trust} lines; Kyra writes its own file at every start
 * and reloads the server when it changed, so an edit by hand does not silently open the database.
 */
final class HostBasedAuthentication {

    static final String CONTENT = """
            # Written by Kyra at every start; edits are replaced. Every connection must give the password
            # kept beside the data directory (postgres.password), and only loopback addresses may connect.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private HostBasedAuthentication() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }

    /** Whether any rule lets a connection in without a password. */
    static boolean trustsAnyone(Path dataDirectory) throws IOException {
        return Files.readAllLines(file(dataDirectory)).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
    }

    /** Writes Kyra's rules; true when the file had other content (the server must reload it). */
    static boolean write(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT)) {
            return false;
        }
        Path temporary = dataDirectory.resolve("pg_hba.conf.kyra");
        Files.writeString(temporary, CONTENT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temporary, EmbeddedDatabasePassword.OWNER_ONLY_FILE);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
