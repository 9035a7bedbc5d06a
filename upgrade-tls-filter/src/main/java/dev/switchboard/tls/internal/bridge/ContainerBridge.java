package dev.switchboard.tls.internal.bridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.nio.TlsDriver;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * The container's half of an {@link Rfc2817Session}, from the end of its handshake: the
 * {@link LoopbackLink}, registered through the {@link ContainerSide} before its first byte;
 * the client's plaintext passed on through the side; the container's bytes encrypted back to
 * the client, with reading from the container paused while the client does not take them and
 * reading from the client paused while the container does not; and the end of the
 * connection, with the side's answer where one is due. Every method, and every call from the
 * link, runs serialised with the connection (the link's events through {@link #serialized}).
 */
final class ContainerBridge implements LoopbackLink.Peer {

    private static final Logger LOG = Logger.getLogger(ContainerBridge.class.getName());

    private final UpgradedConnection connection;
    private final Rfc2817Endpoint endpoint;
    private final ContainerSide side;
    private final TlsDriver tls;
    private final TlsSession session;
    private final String client;
    private final LoopbackLink link;

    private UpgradedConnection.InputHold clientHeld;
    private InetSocketAddress linkLocal;
    private boolean bridging;
    private boolean finishing;
    private byte[] refusal;
    private IOException linkFailure;

    /** @param client the client's address and port, for logs */
    ContainerBridge(UpgradedConnection connection, Rfc2817Endpoint endpoint, ContainerSide side, TlsDriver tls,
            TlsSession session, String client) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.side = side;
        this.tls = tls;
        this.session = session;
        this.client = client;
        this.link = new LoopbackLink(endpoint.reactor(), this, connection.limits().maxPendingOutput());
    }

    /** Connects the link and queues {@code firstRequest}, the first thing the container reads. */
    void open(byte[] firstRequest) throws IOException {
        try {
            link.connect(side.target());
        } catch (IOException e) {
            linkClosed(e);
        }
        fromClient(ByteBuffer.wrap(firstRequest));
        release();
    }

    /** Plaintext from the client, passed on through the side unless the connection is ending. */
    void fromClient(ByteBuffer plain) {
        if (refusal != null || finishing) {
            return;
        }
        byte[] refused = side.relay(plain, link::send);
        if (refused != null) {
            endpoint.bridgeRefused();
            refusal = refused;
            link.shutdownOutput(); // the container answers what it has, then closes; the refusal follows
        }
    }

    /** The client has ended its side: the container is told after what was sent. */
    void clientEnded() {
        link.shutdownOutput();
    }

    /** The client takes bytes again: read from the container again. */
    void resumeReading() {
        link.resumeReading();
    }

    /** Whether the connection's idle timeout may end it now (see {@link ContainerSide#idleTimeoutApplies}). */
    boolean idleTimeoutApplies() {
        return !bridging || side.idleTimeoutApplies(finishing, link.readingPaused());
    }

    /** The connection has closed: unregisters the socket, then closes it. */
    void close() {
        if (bridging) {
            side.unregister(); // before the socket closes
        }
        link.close();
    }

    /**
     * Once the socket is connected: registers its identity, then lets the queued bytes go. A
     * socket that could not connect gets the client the side's 503 over TLS.
     */
    private void release() throws IOException {
        if (bridging || finishing || connection.isClosed()) {
            return;
        }
        if (linkFailure != null) {
            answerAndFinish(side.unavailable());
            return;
        }
        if (linkLocal == null) {
            return; // runs again when the socket is connected
        }
        if (!side.register(linkLocal, session)) {
            connection.abort(new IOException("bridge port " + linkLocal.getPort() + " is already registered"));
            return;
        }
        bridging = true;
        LOG.log(Level.FINE, "RFC 2817 bridge for {0} open from {1}", new Object[] {client, linkLocal});
        link.release();
    }

    /**
     * Ends the connection: writes {@code answer} if there is one, then {@code close_notify},
     * then closes once everything is written.
     */
    private void answerAndFinish(byte[] answer) throws IOException {
        if (finishing) {
            return;
        }
        finishing = true;
        if (answer != null) {
            tls.send(ByteBuffer.wrap(answer));
        }
        tls.closeOutbound();
        connection.close();
    }

    // ------------------------------------------------------------------ link events

    @Override
    public boolean serialized(Runnable task) {
        return connection.runSerially(task);
    }

    @Override
    public void linkConnected(InetSocketAddress local) {
        linkLocal = local;
        try {
            release();
        } catch (IOException e) {
            connection.abort(e);
        }
    }

    @Override
    public boolean fromContainer(ByteBuffer data) {
        if (finishing) {
            return true;
        }
        try {
            if (!tls.send(data)) {
                return false;
            }
        } catch (IOException e) {
            connection.abort(e);
            return false;
        }
        if (connection.isBacklogged()) {
            link.pauseReading();
            return false;
        }
        return true;
    }

    @Override
    public void linkClosed(IOException cause) {
        try {
            if (cause != null) {
                LOG.log(Level.FINE, "RFC 2817 bridge socket failed", cause);
                linkFailure = cause;
                if (!bridging) {
                    release(); // answered with the side's 503
                    return;
                }
            }
            answerAndFinish(refusal);
        } catch (IOException e) {
            connection.abort(e);
        }
    }

    @Override
    public void pauseClient() {
        if (clientHeld == null) {
            clientHeld = connection.suspendInput();
        }
    }

    @Override
    public void resumeClient() {
        if (clientHeld != null) {
            clientHeld.release();
            clientHeld = null;
        }
    }
}
