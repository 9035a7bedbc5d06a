package dev.switchboard.servlet;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of one application's statistics; a failing listener never fails the caller. Thread-safe. */
final class UpgradeListeners {

    private static final Logger LOG = Logger.getLogger(UpgradeListeners.class.getName());

    private final CopyOnWriteArrayList<UpgradeListener> listeners = new CopyOnWriteArrayList<>();

    void add(UpgradeListener listener) {
        listeners.addIfAbsent(listener);
    }

    boolean remove(UpgradeListener listener) {
        return listeners.remove(listener);
    }

    void fire(Consumer<UpgradeListener> event) {
        for (UpgradeListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "UpgradeListener " + listener + " failed", e);
            }
        }
    }
}
