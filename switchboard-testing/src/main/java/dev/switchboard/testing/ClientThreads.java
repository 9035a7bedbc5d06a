package dev.switchboard.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking client work (a socket writer, a socket reader) in the background, each task
 * on a thread of its own.
 *
 * <p>Never use {@code CompletableFuture.runAsync(task)} without an executor for such work: on
 * JDK 25 it runs on the common fork-join pool even where that pool has a parallelism of 1 (a
 * 2-CPU machine), so a second blocking task waits until the first has ended. A writer that
 * blocks because no reader has started yet then waits forever. JDK 17 used a thread per task
 * there.
 */
public final class ClientThreads {

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }

    /** A task without a result that may throw. */
    @FunctionalInterface
    public interface VoidTask {
        void run() throws Exception;
    }

    private static final AtomicInteger COUNT = new AtomicInteger();

    private static final Executor THREAD_PER_TASK = task -> {
        Thread t = new Thread(task, "client-task-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        t.start();
    };

    private ClientThreads() {
    }

    /** Starts {@code task} on a new thread; the future fails with what it threw. */
    public static <T> CompletableFuture<T> supply(Task<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, THREAD_PER_TASK);
    }

    /** Starts {@code task} on a new thread; the future fails with what it threw. */
    public static CompletableFuture<Void> run(VoidTask task) {
        return supply(() -> {
            task.run();
            return null;
        });
    }
}
