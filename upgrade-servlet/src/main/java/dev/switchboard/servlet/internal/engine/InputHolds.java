package dev.switchboard.servlet.internal.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.WriteTarget;

/**
 * Whether a connection may read its peer's input, as far as flow control across connections
 * goes (its own output backlog is the read loop's business): a count of holds, each taken by
 * a suspension and released once. Input flows when none is held.
 *
 * <p>A hold exists before anything can release it: {@link #suspend()} returns it to its
 * caller, and {@link #suspendUntilWritable} takes it before registering its release with the
 * target. So a release can never arrive ahead of the suspension it answers, and no wake-up is
 * lost however the threads of two connections interleave. Thread-safe and lock-free.
 */
final class InputHolds {

    private final AtomicInteger held = new AtomicInteger();
    private final Runnable reopened;

    /** @param reopened runs, on the releasing thread, each time the last hold is released */
    InputHolds(Runnable reopened) {
        this.reopened = reopened;
    }

    /** Takes a hold, released by the returned object. */
    UpgradedConnection.InputHold suspend() {
        held.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    /**
     * Takes a hold that {@code target} releases once it can take more, or releases it at once
     * if it can take more already.
     *
     * @return whether input is held now
     */
    boolean suspendUntilWritable(WriteTarget target) {
        UpgradedConnection.InputHold hold = suspend();
        if (!target.whenWritable(hold::release)) {
            hold.release(); // the target drained between the caller's write and this call
            return false;
        }
        return true;
    }

    /** Whether input may flow. */
    boolean isOpen() {
        return held.get() == 0;
    }

    private void release() {
        int left = held.decrementAndGet();
        if (left < 0) {
            throw new IllegalStateException("input released more often than held");
        }
        if (left == 0) {
            reopened.run();
        }
    }

    @Override
    public String toString() {
        return "InputHolds[" + held.get() + "]";
    }
}
