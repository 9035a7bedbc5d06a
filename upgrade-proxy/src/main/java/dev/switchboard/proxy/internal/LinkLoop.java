package dev.switchboard.proxy.internal;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.nio.Reactor;

/**
 * The loop of one {@link BackendLink}, chosen once, when first needed: the reactor that
 * serves the tunnel's client connection where it runs on one of Switchboard's own, else the
 * application's relay loop ({@link Switchover} says which). Thread-safe.
 */
final class LinkLoop {

    private static final Logger LOG = Logger.getLogger(LinkLoop.class.getName());

    private final Supplier<Reactor> choice;
    private volatile Reactor loop;
    private boolean chosen; // guarded by this

    /** @param choice gives the loop; throws {@link IllegalStateException} when none runs (the application stops) */
    LinkLoop(Supplier<Reactor> choice) {
        this.choice = choice;
    }

    /** The loop, chosen on the first call; null if none runs. */
    Reactor get() {
        Reactor l = loop;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (!chosen) {
                chosen = true;
                try {
                    loop = choice.get();
                } catch (IllegalStateException e) {
                    LOG.log(Level.FINE, "No loop for the tunnel: " + e.getMessage(), e);
                }
            }
            return loop;
        }
    }

    /**
     * Runs {@code task} on the loop, unless it has stopped (or none runs).
     *
     * @return whether the loop took the task
     */
    boolean execute(Runnable task) {
        Reactor l = get();
        return l != null && l.tryExecute(task);
    }
}
