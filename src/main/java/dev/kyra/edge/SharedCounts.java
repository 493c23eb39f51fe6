package dev.kyra.edge;

import dev.kyra.database.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts in fixed windows (a minute, an hour, aligned to the epoch) that every node sharing the
 * database adds to, without a database round trip on the request path: a request counts in memory,
 * and every {@code syncInterval} one statement adds what this node counted to the shared totals and
 * reads them back. So a node knows the cluster's count as of one interval ago plus its own since; a
 * limit is exact on one node and may be passed by what the other nodes serve in one interval.
 *
 * <p>Bucket4j's PostgreSQL backend was the other candidate; it locks a row in a transaction of its
 * own for every request (or, optimised, for every few, on the request's thread), which costs more
 * than the whole of a read by id here (docs/edge.md).
 */
@Component
class SharedCounts implements SmartLifecycle {

    static final int MINUTE = 60;
    static final int HOUR = 3600;
    private static final Logger log = LoggerFactory.getLogger(SharedCounts.class);
    /** How often windows that have ended are forgotten, here and in the table. */
    private static final Duration TIDY_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration syncInterval;
    private final ConcurrentHashMap<String, Subject> subjects = new ConcurrentHashMap<>();
    private final BackgroundLoop syncer = new BackgroundLoop("kyra-rate-limit-sync", false);
    private long lastTidy;
    private long lastWarned;

    SharedCounts(JdbcClient jdbc, Clock clock, RateLimitProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.syncInterval = settings.syncInterval();
    }

    /** The counts of one subject (a credential, an address) in windows of these lengths, in seconds. */
    Subject subject(String name, int... windowSeconds) {
        Subject subject = subjects.computeIfAbsent(name, key -> new Subject(key, windowSeconds));
        if (!subject.loaded) {
            subject.loadOnce(this);
        }
        return subject;
    }

    /** The subject if this node has counted it lately; null if not (nothing is read or made for it). */
    Subject existing(String name) {
        return subjects.get(name);
    }

    long nowSeconds() {
        return clock.millis() / 1000;
    }

    /** Adds this node's unsent counts to the shared ones and learns the totals of every subject asked about. */
    void sync() {
        long now = nowSeconds();
        List<Unsent> batch = new ArrayList<>();
        subjects.values().forEach(subject -> subject.drainInto(batch, now));
        if (!batch.isEmpty()) {
            send(batch);
        }
        if (now - lastTidy >= TIDY_EVERY.toSeconds()) {
            lastTidy = now;
            subjects.values().removeIf(subject -> subject.idle(now));
            jdbc.sql("delete from rate_limit_counts where window_start < now() - interval '2 hours'").update();
        }
    }

    private void send(List<Unsent> batch) {
        // one order on every node, so two nodes' statements lock the same rows in the same order
        batch.sort(Comparator.comparing((Unsent unsent) -> unsent.subject.name).thenComparingInt(Unsent::seconds));
        String[] names = new String[batch.size()];
        int[] seconds = new int[batch.size()];
        long[] starts = new long[batch.size()];
        long[] counts = new long[batch.size()];
        Map<String, Unsent> byKey = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Unsent unsent = batch.get(i);
            names[i] = unsent.subject.name;
            seconds[i] = unsent.seconds;
            starts[i] = unsent.start;
            counts[i] = unsent.count;
            byKey.put(key(names[i], seconds[i], starts[i]), unsent);
        }
        try {
            jdbc.sql("""
                            insert into rate_limit_counts as c (subject, window_seconds, window_start, count)
                            select r.subject, r.seconds, to_timestamp(r.start), r.count
                            from unnest(cast(:names as text[]), cast(:seconds as int[]), cast(:starts as bigint[]),
                                        cast(:counts as bigint[])) as r(subject, seconds, start, count)
                            order by r.subject, r.seconds
                            on conflict (subject, window_seconds, window_start) do update set count = c.count + excluded.count
                            returning subject, window_seconds, cast(extract(epoch from window_start) as bigint) as start, count""")
                    .param("names", names).param("seconds", seconds).param("starts", starts).param("counts", counts)
                    .query((row, n) -> {
                        Unsent sent = byKey.get(key(row.getString(1), row.getInt(2), row.getLong(3)));
                        sent.subject.acknowledged(sent, row.getLong(4));
                        return null;
                    }).list();
        } catch (RuntimeException e) {
            batch.forEach(unsent -> unsent.subject.unsent(unsent));
            throw e;
        }
    }

    private static String key(String name, int seconds, long start) {
        return name + '\n' + seconds + '\n' + start;
    }

    private Map<Integer, Long> shared(String name, long now) {
        Map<Integer, Long> counts = new HashMap<>();
        jdbc.sql("""
                        select window_seconds, count from rate_limit_counts
                        where subject = :name and window_start = to_timestamp(:now - :now % window_seconds)""")
                .param("name", name).param("now", now)
                .query((row, n) -> counts.put(row.getInt(1), row.getLong(2))).list();
        return counts;
    }

    @Override
    public void start() {
        syncer.start(this::run);
    }

    @Override
    public void stop() {
        syncer.stop(Duration.ofSeconds(2));
        try {
            sync(); // what this node counted last still counts for the others
        } catch (RuntimeException e) {
            log.debug("rate-limit counts not sent at stop: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return syncer.isRunning();
    }

    /** Stopped after the web server, so the requests it finished are counted; started before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        while (syncer.isCurrent()) {
            try {
                Thread.sleep(syncInterval);
                sync();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // ten tries a second while the database is away: say so once a minute
                long now = nowSeconds();
                if (now - lastWarned >= 60) {
                    lastWarned = now;
                    log.warn("rate-limit counts could not be shared (each node counts alone meanwhile): {}", e.toString());
                }
            }
        }
    }

    /** What one window of one subject counted here and has not yet sent. */
    private record Unsent(Subject subject, int seconds, long start, long count) {
    }

    /** One subject's windows. Every method holds the subject's lock: requests of one subject are serialised for nanoseconds. */
    static final class Subject {

        private final String name;
        private final Window[] windows;
        private volatile boolean loaded;
        /** Asked about since the last sync: its totals are read back even when this node counted nothing. */
        private boolean asked;

        private Subject(String name, int[] windowSeconds) {
            this.name = name;
            this.windows = Arrays.stream(windowSeconds).mapToObj(Window::new).toArray(Window[]::new);
        }

        /** On a node's first sight of a subject, what the other nodes have counted so far. */
        private synchronized void loadOnce(SharedCounts counts) {
            if (loaded) {
                return;
            }
            loaded = true;
            long now = counts.nowSeconds();
            try {
                Map<Integer, Long> shared = counts.shared(name, now);
                for (Window window : windows) {
                    window.roll(now);
                    window.shared = shared.getOrDefault(window.seconds, 0L);
                }
            } catch (RuntimeException e) {
                log.debug("rate-limit counts of a subject not read; counting from zero: {}", e.toString());
            }
        }

        /**
         * Counts one use if no window is at its limit (0 is none), and says where each window stands.
         * A refused use is not counted.
         */
        synchronized Usage take(long now, int[] limits) {
            asked = true;
            boolean allowed = true;
            for (int i = 0; i < windows.length; i++) {
                windows[i].roll(now);
                if (limits[i] > 0 && windows[i].used() >= limits[i]) {
                    allowed = false;
                }
            }
            if (allowed) {
                for (Window window : windows) {
                    window.unsent++;
                }
            }
            long[] used = new long[windows.length];
            long[] resets = new long[windows.length];
            for (int i = 0; i < windows.length; i++) {
                used[i] = windows[i].used();
                resets[i] = windows[i].start + windows[i].seconds;
            }
            return new Usage(allowed, used, resets);
        }

        /** Whether the first window has reached this count (0 is no limit), counting nothing. */
        synchronized Usage peek(long now, int limit) {
            asked = true;
            Window window = windows[0];
            window.roll(now);
            return new Usage(limit == 0 || window.used() < limit, new long[] {window.used()},
                    new long[] {window.start + window.seconds});
        }

        /** Counts one, whatever the limits. */
        synchronized void add(long now) {
            for (Window window : windows) {
                window.roll(now);
                window.unsent++;
            }
        }

        private synchronized void drainInto(List<Unsent> batch, long now) {
            boolean read = asked;
            asked = false;
            for (Window window : windows) {
                boolean current = now < window.start + window.seconds;
                if (window.unsent > 0 || (read && current)) {
                    batch.add(new Unsent(this, window.seconds, window.start, window.unsent));
                    window.sending += window.unsent;
                    window.unsent = 0;
                }
            }
        }

        private synchronized void acknowledged(Unsent sent, long total) {
            Window window = windowOf(sent);
            if (window != null) {
                window.sending -= sent.count;
                window.shared = total;
            }
        }

        private synchronized void unsent(Unsent failed) {
            Window window = windowOf(failed);
            if (window != null) {
                window.sending -= failed.count;
                window.unsent += failed.count;
            }
        }

        /** The window an acknowledgement is for, unless it has ended since (its count no longer matters). */
        private Window windowOf(Unsent unsent) {
            for (Window window : windows) {
                if (window.seconds == unsent.seconds && window.start == unsent.start) {
                    return window;
                }
            }
            return null;
        }

        private synchronized boolean idle(long now) {
            return Arrays.stream(windows).allMatch(window -> now >= window.start + window.seconds
                    && window.unsent == 0 && window.sending == 0);
        }
    }

    /** Where a subject's windows stand after a use: allowed or not, the count and the reset (epoch seconds) of each. */
    record Usage(boolean allowed, long[] used, long[] resets) {
    }

    private static final class Window {

        private final int seconds;
        private long start;
        /** The cluster's count at the last sync, this node's sent counts included. */
        private long shared;
        /** Counted here since the last sync. */
        private long unsent;
        /** Sent, not yet acknowledged. */
        private long sending;

        private Window(int seconds) {
            this.seconds = seconds;
        }

        private long used() {
            return shared + unsent + sending;
        }

        private void roll(long now) {
            long current = now - Math.floorMod(now, seconds);
            if (current != start) {
                start = current;
                shared = 0;
                unsent = 0;
                sending = 0;
            }
        }
    }
}
