package dev.kyra.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY}, shared by everything on this node that must hear at once what
 * another node changed: one connection listens on every subscribed channel, and a notification sent
 * with {@link #publish} inside a transaction reaches every node (this one included) when, and only
 * if, that transaction commits.
 *
 * <p>Notifications sent while the connection is down are lost, so a subscriber is told whenever
 * that may have happened — when the connection breaks, and when its channel is first listened to on
 * a new one — and must then assume anything could have changed.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    /** What a subscriber to a channel is told. */
    public interface Subscriber {

        /** A notification on the channel, with its payload. Called on the listener's thread: keep it short. */
        void notified(String payload);

        /** Notifications may have been missed (the connection was lost, or has only now been made). */
        void mayHaveMissed();

        static Subscriber of(Consumer<String> notified, Runnable mayHaveMissed) {
            return new Subscriber() {
                @Override
                public void notified(String payload) {
                    notified.accept(payload);
                }

                @Override
                public void mayHaveMissed() {
                    mayHaveMissed.run();
                }
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("kyra_[a-z_]{1,50}");
    /** How long one wait for notifications lasts, which bounds how long stopping, or a new channel, waits. */
    private static final Duration WAIT = Duration.ofMillis(250);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final BackgroundLoop listener = new BackgroundLoop("kyra-notifications", false);

    DatabaseNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Subscribes to a channel; listened to from the listener's next turn (within a quarter of a second). */
    public void subscribe(String channel, Subscriber subscriber) {
        requireChannel(channel);
        subscribers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /**
     * Sends a notification with the caller's transaction (at once, without one). PostgreSQL folds
     * identical notifications of one transaction into one.
     */
    public void publish(String channel, String payload) {
        requireChannel(channel);
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload)
                .query(Object.class).list(); // pg_notify returns void: one row, whatever it holds
    }

    @Override
    public void start() {
        listener.start(this::listen);
    }

    @Override
    public void stop() {
        listener.stop(Duration.ZERO);
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    private void listen() {
        Connection connection = null;
        Set<String> listening = new HashSet<>();
        while (listener.isCurrent()) {
            try {
                if (connection == null) {
                    connection = dataSource.getConnection();
                    listening.clear();
                }
                listenToNewChannels(connection, listening);
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications((int) WAIT.toMillis());
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        deliver(notification);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (connection != null) {
                    listening.forEach(this::tellMayHaveMissed);
                }
                connection = closeQuietly(connection);
                log.debug("database notifications paused: {}", e.toString());
                try {
                    Thread.sleep(RECONNECT_PAUSE);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    /**
     * Listens to the channels subscribed since the last look, and tells their subscribers that they
     * may have missed something (they did, unless they subscribed this instant).
     */
    private void listenToNewChannels(Connection connection, Set<String> listening) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (!listening.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel); // checked against CHANNEL when subscribed
                }
                listening.add(channel);
                tellMayHaveMissed(channel);
            }
        }
    }

    private void deliver(PGNotification notification) {
        for (Subscriber subscriber : subscribers.getOrDefault(notification.getName(), List.of())) {
            try {
                subscriber.notified(notification.getParameter());
            } catch (RuntimeException e) {
                log.warn("a subscriber to {} failed: {}", notification.getName(), e.toString());
            }
        }
    }

    private void tellMayHaveMissed(String channel) {
        for (Subscriber subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.mayHaveMissed();
            } catch (RuntimeException e) {
                log.warn("a subscriber to {} failed: {}", channel, e.toString());
            }
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a Kyra notification channel: " + channel);
        }
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a broken listening connection is only discarded
            }
        }
        return null;
    }
}
