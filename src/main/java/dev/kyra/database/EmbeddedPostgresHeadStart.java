package dev.kyra.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL as soon as the settings are read, on a thread of its own, so that
 * the server's start overlaps Spring's reading of its configuration classes (about two seconds on two
 * cores) instead of following it; {@link DatabaseConfiguration} then takes the started server, or its
 * failure, which is reported as if it had started the server itself. A restart is that much sooner.
 *
 * <p>Added by {@code KyraApplication.main} only, not through {@code spring.factories}: a test's context
 * may be given its data directory after the settings are read (a {@code DynamicPropertySource}), and
 * would get a server in the wrong place. Without a head start the data source starts the server.
 */
public final class EmbeddedPostgresHeadStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresHeadStart.class);

    private volatile Started started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        switch (event) {
            case ApplicationEnvironmentPreparedEvent prepared -> begin(prepared);
            // the context failed, or came up without taking it (it cannot, as both read the same settings)
            case ApplicationFailedEvent failed -> stopUnlessTaken();
            case ApplicationStartedEvent up -> stopUnlessTaken();
            default -> {
            }
        }
    }

    private void begin(ApplicationEnvironmentPreparedEvent event) {
        // the settings as the context will bind them, with their defaults: the same rules decide here
        DatabaseProperties database;
        DataDirectory dataDirectory;
        try {
            Binder binder = Binder.get(event.getEnvironment());
            BindResult<DatabaseProperties> bound = binder.bind("kyra.database", DatabaseProperties.class);
            BindResult<DataDirectory> data = binder.bind("kyra", DataDirectory.class);
            if (!bound.isBound() || !data.isBound() || data.get().dataDir() == null) {
                return;
            }
            database = bound.get();
            dataDirectory = data.get();
        } catch (BindException e) {
            return; // a missing or unreadable setting is reported by the context, in one line, as ever
        }
        if (database.external()) {
            return; // nothing to start
        }
        Started head = Started.begin(dataDirectory.resolve("postgres"), database.embeddedWatchInterval());
        started = head;
        // handed to the application context when it is made, for the data source to find
        event.getBootstrapContext().addCloseListener(closed -> closed.getApplicationContext().getBeanFactory()
                .registerSingleton("embeddedPostgresHeadStart", head));
    }

    private void stopUnlessTaken() {
        Started head = started;
        if (head != null) {
            head.stopUnlessTaken();
        }
    }

    /** A server being started for a data directory, until the data source takes it. */
    static final class Started {

        private final Path directory;
        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        private Started(Path directory, CompletableFuture<EmbeddedPostgresServer> server) {
            this.directory = directory;
            this.server = server;
        }

        /** Starts the server for {@code directory} on a thread of its own. */
        static Started begin(Path directory, Duration watchInterval) {
            CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
                try {
                    server.complete(EmbeddedPostgresServer.start(directory, watchInterval));
                } catch (IOException | RuntimeException | Error e) {
                    server.completeExceptionally(e);
                }
            });
            return new Started(directory, server);
        }

        boolean taken() {
            return taken.get();
        }

        /**
         * The server started for {@code wanted}, once it is up, or its start's failure; empty if it was
         * started for another directory (then it is stopped).
         */
        Optional<EmbeddedPostgresServer> take(Path wanted) throws IOException {
            if (!taken.compareAndSet(false, true)) {
                return Optional.empty();
            }
            if (!same(wanted, directory)) {
                stop();
                return Optional.empty();
            }
            try {
                return Optional.of(server.join());
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw e;
                }
            }
        }

        private void stopUnlessTaken() {
            if (taken.compareAndSet(false, true)) {
                stop();
            }
        }

        private void stop() {
            EmbeddedPostgresServer up;
            try {
                up = server.join();
            } catch (CompletionException e) {
                return; // it never started: nothing to stop
            }
            try {
                up.close();
            } catch (IOException e) {
                log.warn("the embedded PostgreSQL started ahead was not used, and did not stop: {}", e.toString());
            }
        }

        private static boolean same(Path one, Path other) {
            return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
        }
    }
}
