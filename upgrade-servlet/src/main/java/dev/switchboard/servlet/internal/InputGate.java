package dev.switchboard.servlet.internal;

/**
 * Whether an upgraded connection may read its peer's input, as far as flow control across
 * connections goes (its own output backlog is checked by the read loop):
 *
 * <ul>
 *   <li><b>Suspension by the application</b>, {@link #suspend()} and {@link #resume()}. A
 *       resume that arrives while input is not suspended is remembered and cancels the next
 *       suspend: it answers a suspension its caller has not made yet. That is the shape of the
 *       usual relay, where a write to another connection returns false and the writer then
 *       suspends, while the other connection, draining on another thread, may already have
 *       resumed it in between.</li>
 *   <li><b>Waits for other connections' writability</b>, {@link #await()} and
 *       {@link #released()}: counted, so that input flows again only when every connection
 *       waited for can take more. The count is taken before the wait is registered, so a
 *       release can never come first.</li>
 * </ul>
 *
 * Thread-safe; its lock is a leaf, never held while anything else runs.
 */
public final class InputGate {

    private boolean suspended;
    private boolean resumeAhead;
    private int waits;

    /** Stops input, unless a resume arrived ahead of this call, which it then uses up. */
    public synchronized void suspend() {
        if (resumeAhead) {
            resumeAhead = false;
        } else {
            suspended = true;
        }
    }

    /**
     * Ends a suspension; remembered for the next {@link #suspend()} if there is none.
     *
     * @return whether input was stopped by a suspension and may flow now: the caller should
     *     make the connection read again
     */
    public synchronized boolean resume() {
        if (!suspended) {
            resumeAhead = true;
            return false;
        }
        suspended = false;
        return waits == 0;
    }

    /** One more connection is waited for; call before registering the wait with it. */
    public synchronized void await() {
        waits++;
    }

    /**
     * One connection waited for can take more (or has closed).
     *
     * @return whether that was the last thing input waited for: the caller should make the
     *     connection read again
     */
    public synchronized boolean released() {
        if (waits == 0) {
            throw new IllegalStateException("released more often than awaited");
        }
        waits--;
        return waits == 0 && !suspended;
    }

    /** Whether input may flow. */
    public synchronized boolean isOpen() {
        return !suspended && waits == 0;
    }

    @Override
    public synchronized String toString() {
        return "InputGate[suspended=" + suspended + ", resumeAhead=" + resumeAhead + ", waits=" + waits + "]";
    }
}
