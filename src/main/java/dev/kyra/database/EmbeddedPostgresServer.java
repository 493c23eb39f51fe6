package dev.kyra.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Kyra starts itself when no external database is configured. Its data lives in
 * a directory that survives restarts; fsync and synchronous commit are on, because the rows are KYC
 * records.
 *
 * <p><b>Closed to everyone but Kyra.</b> It listens on loopback only, has no Unix socket, and asks
 * every connection for a password (scram-sha-256) that Kyra made at first start and keeps in an
 * owner-only file beside the data directory ({@link EmbeddedDatabasePassword}). A data directory from
 * an older Kyra, whose rules trusted every local connection, is upgraded in place at start.
 *
 * <p><b>Orphans.</b> A {@code kill -9} of the JVM leaves the postmaster running with the data
 * directory still claimed. Before starting we read {@code postmaster.pid}, and if it names a live
 * postgres process serving this very directory we stop it (SIGTERM: a smart shutdown, whose only
 * sessions belonged to the dead JVM) and wait.
 *
 * <p><b>Its own death.</b> Kyra owns this server, so a watchdog checks the postmaster (twice a second
 * by default) and, if it died, starts it again on the same data and port; the pool reconnects by itself. Until
 * then requests fail fast with a 503 and readiness is DOWN.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final EmbeddedDatabasePassword password;
    private final Duration watchInterval;
    private final Thread watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean closing;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedDatabasePassword password, EmbeddedPostgres postgres,
                                   Duration watchInterval) throws IOException {
        this.dataDirectory = dataDirectory;
        this.watchInterval = watchInterval;
        this.password = password;
        this.postgres = postgres;
        this.postmaster = startedPostmaster(dataDirectory);
        this.watchdog = Thread.ofPlatform().daemon().name("embedded-postgres-watchdog").unstarted(this::watch);
    }

    /** Starts the server, and a watchdog that looks at its postmaster every {@code watchInterval}. */
    static EmbeddedPostgresServer start(Path dataDirectory, Duration watchInterval) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.setPosixFilePermissions(dataDirectory, EmbeddedDatabasePassword.OWNER_ONLY_DIRECTORY);
        EmbeddedDatabasePassword password =
                EmbeddedDatabasePassword.readOrCreate(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password"));
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean upgrade = !fresh && (password.createdNow() || HostBasedAuthentication.trustsAnyone(dataDirectory));
        stopOrphanedPostmaster(dataDirectory);
        EmbeddedPostgres postgres = builder(dataDirectory, password, fresh, 0).start();
        if (upgrade) {
            protectOlderDirectory(postgres, password);
        }
        if (HostBasedAuthentication.write(dataDirectory)) {
            reloadConfiguration(postgres);
        }
        log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, password, postgres, watchInterval);
        server.watchdog.start();
        return server;
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, EmbeddedDatabasePassword password,
                                                    boolean fresh, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_TIMEOUT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                // no Unix socket at all: a socket in /tmp is one more door, and Kyra connects over TCP
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "200")
                // the launcher checks readiness with its own connections; they must log in too
                .setConnectConfig("password", password.value());
        if (fresh) {
            // initdb's own -A trust comes first on its command line; a later --auth wins
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", password.file().toString());
        }
        return builder;
    }

    /**
     * A directory made by a Kyra that trusted local connections has a superuser without a password.
     * The server is started with those old rules (as open as it always was, for the moment this
     * takes), given the password, and reloaded with the new rules before anything else connects.
     */
    private static void protectOlderDirectory(EmbeddedPostgres postgres, EmbeddedDatabasePassword password)
            throws IOException {
        log.warn("the embedded database in its data directory trusted local connections; protecting it with a password");
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.value().toCharArray(),
                    "scram-sha-256");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded database's password; if " + password.file()
                    + " was deleted, restore it from a backup", e);
        }
    }

    private static void reloadConfiguration(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not reload the embedded database's access rules", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String username() {
        return SUPERUSER;
    }

    String password() {
        return password.value();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        watchdog.interrupt();
        synchronized (this) {
            postgres.close();
        }
    }

    private void watch() {
        while (!closing) {
            try {
                Thread.sleep(watchInterval);
                if (!closing && !postmaster.isAlive()) {
                    restart();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.error("could not restart the embedded PostgreSQL; trying again", e);
            }
        }
    }

    /** Starts the server again on the same data and port, after its postmaster died. */
    private synchronized void restart() throws IOException, InterruptedException {
        if (closing) {
            return;
        }
        int port = postgres.getPort();
        log.warn("the embedded PostgreSQL (pid {}) died; starting it again on port {} with the same data",
                postmaster.pid(), port);
        postgres.close(); // releases the launcher's lock on the directory; the stop itself finds nothing to stop
        Instant giveUp = Instant.now().plus(RESTART_PATIENCE);
        while (!closing) {
            // the dead postmaster's backends may still hold its shared memory for a moment
            stopOrphanedPostmaster(dataDirectory);
            try {
                postgres = builder(dataDirectory, password, false, port).start();
                postmaster = startedPostmaster(dataDirectory);
                log.info("embedded PostgreSQL running again on port {} (pid {})", port, postmaster.pid());
                return;
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                log.warn("the embedded PostgreSQL did not start yet ({}); retrying", e.getMessage());
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
    }

    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = livePostmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("found a PostgreSQL (pid {}) still serving {} from an earlier run that did not shut down; stopping it",
                postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL pid {} ignored SIGTERM for {}; killing it (recovery will replay the WAL)",
                    postmaster.pid(), ORPHAN_STOP_TIMEOUT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("could not stop an orphaned PostgreSQL", e);
        }
    }

    /** The postmaster a start has just launched: the launcher waited until it wrote its pid file. */
    private static ProcessHandle startedPostmaster(Path dataDirectory) throws IOException {
        return livePostmaster(dataDirectory).orElseThrow(
                () -> new IOException("the embedded PostgreSQL started but wrote no postmaster.pid"));
    }

    /**
     * The live postgres process that {@code postmaster.pid} says is serving this directory, if any: an
     * orphan before a start, the running server after one.
     */
    static Optional<ProcessHandle> livePostmaster(Path dataDirectory) throws IOException {
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
        // the pid may have been reused by an unrelated process since the crash: only a postgres counts
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .filter(process -> sameDirectory);
    }
}
