package dev.switchboard.tomcat.container;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.nio.Reactor;
import dev.switchboard.servlet.nio.ReactorGroup;

/**
 * Whether a connection Tomcat hands over can leave its poller for one of the application's
 * loops ({@link #loop}), and the {@link LoopTransport} it then runs on. It can when it is a
 * cleartext NIO one (its socket is a plain {@link NioChannel}: not TLS's
 * {@code SecureNioChannel}, not NIO2), Tomcat holds none of its output unsent, the wrapper's
 * lock can be reached and the application's loops run. Anything else stays on Tomcat's poller,
 * without a word: that is a transport too. Called in {@code init}, under Tomcat's socket lock.
 */
final class Takeover {

    /** The name of the loops' service in the runtime, and the job in their threads' names. */
    static final String SERVICE = "tomcat-loop";

    private static final Logger LOG = Logger.getLogger(Takeover.class.getName());

    private Takeover() {
    }

    /**
     * Takes {@code wrapper}'s connection onto the next loop of {@code runtime}'s application: what
     * Tomcat buffered of its input is taken out ({@link BufferedInput}), the channel is kept
     * (never the {@code NioChannel}, which Tomcat reuses once the wrapper closes).
     *
     * @param loader the application's class loader: Tomcat calls {@code init} without it
     * @return the transport, or null when the connection stays on Tomcat's poller
     */
    static LoopTransport of(SocketWrapperBase<?> wrapper, SwitchboardRuntime runtime, ClassLoader loader) {
        if (!(wrapper.getSocket() instanceof NioChannel nio) || nio.getClass() != NioChannel.class
                || wrapper.hasDataToWrite()) {
            return null;
        }
        Lock lock = WrapperLock.of(wrapper);
        SocketChannel channel = nio.getIOChannel();
        if (lock == null || channel == null || !channel.isOpen()) {
            return null;
        }
        Reactor loop;
        try {
            loop = loop(runtime, loader);
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "The application's loops are not running: the connection stays on Tomcat's poller", e);
            return null;
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The application's loops cannot start (" + e.getMessage()
                    + "): the connection stays on Tomcat's poller");
            return null;
        }
        ByteBuffer buffered = BufferedInput.take(wrapper.getSocketBufferHandler());
        return new LoopTransport(wrapper, channel, lock, buffered, loop);
    }

    /**
     * The event loop for a connection of {@code runtime}'s application taken off Tomcat's
     * poller: the next of the application's {@link ReactorGroup}, kept as the runtime's
     * {@value #SERVICE} service ({@link SwitchboardRuntime#loops}), so that the runtime stops
     * them, with every connection still on them, when the application stops. Their threads,
     * {@code switchboard-tomcat-loop-<n> <context path>}, start with their first connection and
     * run with {@code loader}, the application's class loader, as their context loader.
     *
     * @throws IllegalStateException if the runtime has stopped
     */
    static Reactor loop(SwitchboardRuntime runtime, ClassLoader loader) {
        return runtime.loops(SERVICE, loader).next();
    }
}
