package dev.switchboard.servlet;

/**
 * Something a session writes to whose queue is bounded: another connection, or a channel of
 * the session's own (a backend socket). What {@link UpgradedConnection#suspendInputUntilWritable}
 * waits for.
 */
public interface WriteTarget {

    /**
     * Registers {@code wakeUp} to run once, on whichever thread makes this target writable
     * again, when its queue is down to half its limit or it has closed, unless it can take
     * more now, in which case nothing is registered. Checking and registering are one step
     * (under the lock that guards the queue), so a drain on another thread cannot slip in
     * between and the wake-up is never lost. {@code wakeUp} must not block. Thread-safe.
     *
     * @return whether {@code wakeUp} was registered; false means the target can take more now
     */
    boolean whenWritable(Runnable wakeUp);
}
