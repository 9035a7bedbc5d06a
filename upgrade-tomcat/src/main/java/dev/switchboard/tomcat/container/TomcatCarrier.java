package dev.switchboard.tomcat.container;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.container.TransportCarrier;
import jakarta.servlet.http.WebConnection;

/**
 * Carries a switched connection from Tomcat's internal upgrade path to Switchboard's engine:
 * the handler type {@link TomcatSupport#carrier} names for {@code request.upgrade()}, which
 * Tomcat treats as it treats its own WebSocket and HTTP/2 handlers (an
 * {@link InternalHttpUpgradeHandler}: no Servlet streams). At the handover ({@code init}) it
 * takes a cleartext NIO connection off Tomcat's poller onto one of the application's loops
 * ({@link Takeover#loop}), on a {@link LoopTransport}, where {@link Takeover} can; then it answers
 * {@link #hasAsyncIO()} true, which Tomcat reads right after {@code init}, and Tomcat stops
 * polling the socket. Any other connection stays on Tomcat's poller, on a
 * {@link SocketTransport}, its events coming through {@link #upgradeDispatch}.
 *
 * <p>Tomcat creates it with its public constructor outside the application's
 * {@code InstanceManager}, and calls {@code init}, {@code upgradeDispatch} and
 * {@code destroy} without binding the application's class loader: the carrier binds the one
 * that was current when it was created (the request's, the application's) around each call
 * into the engine (the loop's thread runs with that loader throughout). It uses only what
 * Tomcat 10.1 and 11 share in binary form (no {@code ContextBind} or {@code UpgradeToken};
 * {@code getLock()} by name, {@link WrapperLock}). Thread-safe: Tomcat
 * calls it under its socket lock, the switch calls {@link #carry} once.
 */
public final class TomcatCarrier implements InternalHttpUpgradeHandler, TransportCarrier {

    private static final Logger LOG = Logger.getLogger(TomcatCarrier.class.getName());

    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private volatile SocketWrapperBase<?> socket;
    private volatile SocketTransport transport;
    /** The connection on Switchboard's loop; null while it is on Tomcat's poller. */
    private volatile LoopTransport taken;
    private Receiver receiver; // guarded by this
    private SwitchboardRuntime runtime; // guarded by this
    private boolean connected; // guarded by this
    private boolean released; // guarded by this

    /** For Tomcat's {@code Request.upgrade}. */
    public TomcatCarrier() {
    }

    @Override
    public void carry(Receiver r, SwitchboardRuntime loops) {
        boolean connect;
        boolean release;
        synchronized (this) {
            if (receiver != null) {
                throw new IllegalStateException("already carried");
            }
            receiver = r;
            runtime = loops;
            connect = connected;
            release = released;
        }
        if (connect) {
            inContext(() -> r.connected(carrying()));
        }
        if (release) {
            inContext(r::released);
        }
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        this.socket = wrapper;
    }

    @Override
    public void init(WebConnection connection) {
        SocketWrapperBase<?> s = socket;
        if (s == null) {
            // Not Tomcat's internal upgrade path after all: nothing can carry the connection.
            LOG.warning("Tomcat gave no socket wrapper to the upgraded connection: closing it");
            try {
                connection.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the upgraded connection failed", e);
            }
            return;
        }
        SwitchboardRuntime loops;
        synchronized (this) {
            loops = runtime;
        }
        taken = loops == null ? null : Takeover.of(s, loops, loader);
        if (taken == null) {
            transport = new SocketTransport(s);
        }
        Receiver r;
        synchronized (this) {
            connected = true;
            r = receiver;
        }
        if (r != null) {
            inContext(() -> r.connected(carrying()));
        }
    }

    /** Whether the connection left Tomcat's poller for Switchboard's loop; Tomcat asks right after {@link #init}. */
    @Override
    public boolean hasAsyncIO() {
        return taken != null;
    }

    private Transport carrying() {
        LoopTransport t = taken;
        return t != null ? t : transport;
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (taken != null) {
            // Tomcat polls the socket no more: only its stop or an error can come here.
            boolean open = status == SocketEvent.OPEN_READ || status == SocketEvent.OPEN_WRITE
                    || status == SocketEvent.TIMEOUT;
            return open ? SocketState.ASYNC_IO : SocketState.CLOSED;
        }
        SocketTransport t = transport;
        if (t == null) {
            return SocketState.CLOSED;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return t.dispatch(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An upgraded connection failed in Tomcat's " + status + " event", e);
            t.close();
            return SocketState.CLOSED;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void timeoutAsync(long now) {
        // the engine keeps the connection's timeouts
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // the engine needs nothing of the connection's TLS
    }

    @Override
    public void pause() {
        // the connector is stopping: its STOP event ends the connection
    }

    @Override
    public void destroy() {
        LoopTransport t = taken;
        if (t != null) {
            t.released();
        }
        Receiver r;
        synchronized (this) {
            released = true;
            r = receiver;
        }
        if (r != null) {
            inContext(r::released);
        }
    }

    private void inContext(Runnable call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            call.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
