package dev.kyra.database;

import java.time.Duration;

/**
 * The thread of a background loop that a {@link org.springframework.context.SmartLifecycle} starts
 * and stops: a context may be stopped and started again (Spring's tests pause the contexts they are
 * not using), so each start makes a new thread, and a loop runs only while its thread is the one
 * started last ({@link #isCurrent()}). Stopping interrupts it, so a loop waiting or sleeping ends at once.
 */
public final class BackgroundLoop {

    private final String name;
    private final boolean virtual;
    private volatile Thread thread;

    /** @param virtual a virtual thread for a loop that only sleeps and queries; a platform daemon thread otherwise */
    public BackgroundLoop(String name, boolean virtual) {
        this.name = name;
        this.virtual = virtual;
    }

    public void start(Runnable loop) {
        Thread started = (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).name(name).unstarted(loop);
        thread = started; // assigned before it runs: the loop runs while its thread is the one assigned
        started.start();
    }

    /** Interrupts the loop and waits for it to end, at most {@code patience}. */
    public void stop(Duration patience) {
        Thread running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        running.interrupt();
        if (!patience.isZero()) {
            try {
                running.join(patience);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    /** Whether the caller is the loop's current thread: a loop goes on while this holds. */
    public boolean isCurrent() {
        return thread == Thread.currentThread();
    }
}
