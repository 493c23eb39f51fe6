package dev.kyra.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Kyra starts itself when no external database is configured. Its data lives in
 * a directory that survives restarts; fsync and synchronous commit are on, because the rows are KYC
 * records.
 *
 * <p>A {@code kill -9} of the JVM leaves the postmaster running with the data directory still
 * claimed. Left alone, the next start would fail or attach to that orphan, so before starting we
 * read {@code postmaster.pid}, and if it names a live postgres process serving this very directory
 * we stop it (SIGTERM: a smart shutdown, whose only sessions belonged to the dead JVM) and wait.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_TIMEOUT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .start();
        log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
        return new EmbeddedPostgresServer(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = orphanedPostmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("found a PostgreSQL (pid {}) still serving {} from an earlier run that did not shut down; stopping it",
                postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("PostgreSQL pid {} ignored SIGTERM for {}; killing it (recovery will replay the WAL)",
                    postmaster.pid(), ORPHAN_STOP_TIMEOUT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not stop an orphaned PostgreSQL", e);
        }
    }

    /** The live postgres process that {@code postmaster.pid} says is serving this directory, if any. */
    static Optional<ProcessHandle> orphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean sameDirectory = Files.exists(Path.of(lines.get(1).trim()))
                && Files.isSameFile(Path.of(lines.get(1).trim()), dataDirectory);
        // the pid may have been reused by an unrelated process since the crash: only stop a postgres
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .filter(process -> sameDirectory);
    }
}
