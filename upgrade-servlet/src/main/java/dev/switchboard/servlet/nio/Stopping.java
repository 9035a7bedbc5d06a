package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a {@link Reactor} lets go of its channels: each handler is told, then its channel is
 * closed, whatever the handler did. On the loop thread only.
 */
final class Stopping {

    private static final Logger LOG = Logger.getLogger(Reactor.class.getName());

    private Stopping() {
    }

    /** Stops the handler of every channel registered with {@code selector}. */
    static void stopAll(Selector selector, String reactor) {
        List<SelectionKey> keys = new ArrayList<>(selector.keys()); // handlers may cancel or register meanwhile
        for (SelectionKey key : keys) {
            if (key.attachment() instanceof Reactor.Handler h) {
                stop(key, h, reactor);
            }
        }
    }

    /** Tells {@code handler} it is stopped, then closes its channel. */
    static void stop(SelectionKey key, Reactor.Handler handler, String reactor) {
        try {
            handler.stopped();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, reactor + ": a channel's handler failed to stop", e);
        }
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    static void close(Selector selector, String reactor) {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, reactor + ": closing the selector failed", e);
        }
    }
}
