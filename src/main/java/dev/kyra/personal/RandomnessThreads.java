package dev.kyra.personal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Where Kyra's Tink calls that draw randomness run (new keys, and the IVs of sealing). Tink keeps a
 * {@code SecureRandom} per thread and makes it on a thread's first use, after looking Conscrypt up by
 * reflection; without Conscrypt, that failed look-up searches every jar of the class path. Kyra serves
 * each request on a new virtual thread, so every request that sealed paid it: a profile of Blaaiz
 * creates found a fifth of the JVM's CPU there. A few platform threads, each making its
 * {@code SecureRandom} once, do that work instead, at the cost of a hand-over. Opening (decryption)
 * draws no randomness and stays on the caller's thread.
 */
final class RandomnessThreads {

    private static final String NAME = "kyra-sealing-";
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), Thread.ofPlatform().daemon().name(NAME, 0).factory());

    private RandomnessThreads() {
    }

    /** The work's result, computed on one of the threads (at once when already on one). */
    static <T> T call(Supplier<T> work) {
        if (Thread.currentThread().getName().startsWith(NAME)) {
            return work.get();
        }
        Future<T> result = THREADS.submit(work::get);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sealing", e);
        }
    }
}
