package dev.switchboard.servlet.internal.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks one at a time, in submission order, on whichever thread submits while no other
 * is running them: a per-connection event loop without a thread of its own.
 *
 * <p>{@link #execute} never blocks. A thread that finds another one running the tasks just
 * queues its task, and that thread runs it before it lets go; a task submitted from inside a
 * running task is queued behind it rather than run nested. So no thread ever waits for a
 * connection's lock while holding another's: two connections that relay to each other
 * cannot deadlock. Thread-safe.
 */
public final class SerialExecutor {

    /** A task that may fail; failures go to the executor's handler. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Receives what a task threw. */
    @FunctionalInterface
    public interface FailureHandler {
        void failed(Exception e);
    }

    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    private final FailureHandler onFailure;

    public SerialExecutor(FailureHandler onFailure) {
        this.onFailure = onFailure;
    }

    /** Runs {@code task} now if no thread is running tasks, else after those queued before it. */
    public void execute(Task task) {
        if (tasks.isEmpty() && tryExecuteNow(task)) {
            return; // nothing was waiting and no thread was running: run without queueing
        }
        tasks.add(task);
        if (running.isHeldByCurrentThread()) {
            return; // the loop further up this thread's stack runs it next
        }
        drain();
    }

    /**
     * Runs {@code task}, then whatever is queued, if no thread is running tasks; otherwise
     * does nothing and returns false. For work that must run on the calling thread or not at
     * all, such as reading a stream only the calling thread may touch.
     */
    public boolean tryExecuteNow(Task task) {
        if (running.isHeldByCurrentThread() || !running.tryLock()) {
            return false;
        }
        try {
            runThenQueued(task);
        } finally {
            running.unlock();
        }
        drain();
        return true;
    }

    /**
     * Runs {@code task}, then whatever is queued, on the calling thread, waiting while another
     * thread runs this executor's tasks. For callers that must see the task done before they
     * go on, such as a selector thread acting on readiness it has just been told of. Called
     * from inside a task, it queues {@code task} instead. Only call it from threads that do
     * not run other executors' tasks at the time, or two such callers could wait for each other.
     */
    public void executeAndWait(Task task) {
        if (running.isHeldByCurrentThread()) {
            execute(task);
            return;
        }
        running.lock();
        try {
            runThenQueued(task);
        } finally {
            running.unlock();
        }
        drain();
    }

    /**
     * Runs the queued tasks if no other thread is, until the queue is empty; a task queued
     * between a thread's last poll and its unlock is picked up by the next turn of the loop.
     */
    private void drain() {
        while (!tasks.isEmpty() && running.tryLock()) {
            try {
                runThenQueued(null);
            } finally {
                running.unlock();
            }
        }
    }

    /** Runs {@code first} (unless null), then every queued task; the caller holds {@code running}. */
    private void runThenQueued(Task first) {
        if (first != null) {
            run(first);
        }
        Task next;
        while ((next = tasks.poll()) != null) {
            run(next);
        }
    }

    private void run(Task task) {
        try {
            task.run();
        } catch (Exception e) {
            onFailure.failed(e);
        }
    }

    /** Whether the calling thread is running this executor's tasks. */
    public boolean inExecutor() {
        return running.isHeldByCurrentThread();
    }
}
