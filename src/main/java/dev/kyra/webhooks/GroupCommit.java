package dev.kyra.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes the small changes of many callers in one transaction: each caller hands its item over and
 * waits; one thread takes whatever has gathered meanwhile (up to {@code max}) and writes it all at
 * once. With fsync on, a commit costs a flush of the WAL; a hundred attempts in flight then pay for
 * a few commits instead of a hundred, and a lone caller waits no longer than its own commit.
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> write;
    private final int max;
    private final Thread writer;
    private volatile boolean open = true;

    /** @param write writes the items in one transaction and returns a result for each, in their order */
    GroupCommit(String name, int max, Function<List<T>, List<R>> write) {
        this.write = write;
        this.max = max;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Hands the item over and waits until it is written; a failure of the write is thrown here. */
    R submit(T item) throws InterruptedException {
        if (!open) {
            throw new IllegalStateException("closed");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(max);
        while (open) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, max - 1);
                List<R> results = write.apply(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                batch.forEach(pending -> pending.result().completeExceptionally(e));
            }
            batch.clear();
        }
        queue.forEach(pending -> pending.result().completeExceptionally(new IllegalStateException("closed")));
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
    }
}
