package dev.switchboard.tls.internal.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.nio.TlsDriver;
import dev.switchboard.servlet.nio.TlsPeer;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * One RFC 2817 connection after its 101, switched by a web application or by a connector: a
 * TLS server handshake over the upgraded connection ({@link TlsDriver}), then HTTP/1.1 over
 * TLS, carried into the container by a {@link ContainerBridge}. Where the bridge leads and
 * what it checks on the way is the {@link ContainerSide}'s.
 *
 * <ol>
 *   <li><b>Handshake</b> (RFC 2817 section 3.3): it starts with the client's first byte
 *       after the 101 and must end within the handshake timeout. A failure, a timeout or a
 *       version below the minimum closes the connection; nothing is ever written in
 *       cleartext after the 101 (TLS-03, TLS-08). Until it is done the connection holds
 *       nothing in the container: a client that sends a 101-worth of bytes and stops costs
 *       one socket and one slot of its address's share.</li>
 *   <li><b>Bridge</b>: once the handshake is done, the loopback socket connects, and the
 *       upgraded request is queued as the first request for the container, so that its
 *       response is the first thing the client reads over TLS (UPG-15); once the socket is
 *       connected, the side registers its identity and the queue is released. Every byte the
 *       client sends is passed on through the side; every byte the container answers goes
 *       back encrypted. A container that cannot be reached gets the client the side's 503.</li>
 *   <li><b>End</b>: when the container closes its side (after {@code Connection: close}, or
 *       its keep-alive timeout), the client gets a {@code close_notify} and the connection
 *       closes. When the client ends its side, the container is told after the requests
 *       already sent, and their responses still go out. A request the side refuses is
 *       answered after the responses before it, and the connection then closes. The idle
 *       timeout applies while bridged only where the side says (see {@link #onTimeout}).</li>
 * </ol>
 *
 * <p>Every method runs serialised with the connection's callbacks, so the engine and the
 * bridge need no locks of their own.
 */
public final class Rfc2817Session implements UpgradeSession, TlsPeer {

    private static final Logger LOG = Logger.getLogger(Rfc2817Session.class.getName());

    private final UpgradedConnection connection;
    private final Rfc2817Endpoint endpoint;
    private final ContainerSide side;
    private final String host;
    private final String clientAddress;
    private final int clientPort;
    private final boolean slot;

    private byte[] firstRequest;
    private TlsDriver tls;
    private ScheduledFuture<?> handshakeTimer;
    private ContainerBridge bridge;
    private boolean clientEnded;

    /**
     * Takes a connection slot for {@code clientAddress}; without one, the connection closes
     * as soon as it opens.
     *
     * @param host the host name the upgraded request named, or null: chooses the certificate
     * @param firstRequest the upgraded request's head, as the container should see it over TLS
     */
    public Rfc2817Session(UpgradedConnection connection, Rfc2817Endpoint endpoint, ContainerSide side, String host,
            String clientAddress, int clientPort, byte[] firstRequest) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.side = side;
        this.host = host;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.firstRequest = firstRequest;
        this.slot = endpoint.tryOpen(clientAddress);
    }

    // ------------------------------------------------------------------ connection callbacks

    @Override
    public void onOpen() throws IOException {
        if (!slot) {
            // Only when several switches raced past the limit checked before the 101: bounded all the same.
            connection.abort(new IOException("too many RFC 2817 connections"));
            return;
        }
        tls = new TlsDriver(endpoint.newEngine(host, clientPort), this, true); // TLS-03: no renegotiation
        tls.begin();
        handshakeTimer = connection.schedule(this::handshakeTimedOut, endpoint.handshakeTimeout());
    }

    @Override
    public void onInput(ByteBuffer data) throws IOException {
        if (clientEnded) {
            return;
        }
        try {
            tls.receive(data);
        } catch (SSLException e) {
            if (!tls.handshakeFinished()) {
                endpoint.handshakeFailed();
            }
            LOG.log(Level.FINE, "TLS failed on an RFC 2817 connection: " + e, e);
            tls.fail();
            connection.close();
        }
    }

    @Override
    public Then onInputClosed() {
        if (tls == null || !tls.handshakeFinished()) {
            return Then.CLOSE;
        }
        tls.endOfStream();
        clientFinished();
        return Then.STAY_OPEN;
    }

    @Override
    public void onWritable() {
        if (bridge != null) {
            bridge.resumeReading();
        }
    }

    /**
     * Until the bridge is open the idle timeout applies; once it is, the container's own
     * timeouts govern (its keep-alive timeout ends an idle connection with a
     * {@code close_notify}, and a response that takes long is not cut), except where the
     * side says the connection waits for the client instead.
     */
    @Override
    public Then onTimeout(Timeout timeout) {
        if (timeout == Timeout.IDLE && bridge != null && !bridge.idleTimeoutApplies()) {
            return Then.STAY_OPEN;
        }
        return Then.CLOSE;
    }

    @Override
    public void onClosed(Throwable cause) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (bridge != null) {
            bridge.close();
        }
        if (slot) {
            endpoint.closed(clientAddress);
        }
    }

    private void handshakeTimedOut() {
        if (!tls.handshakeFinished()) {
            endpoint.handshakeTimedOut();
            connection.abort(new TimeoutException("TLS handshake not finished within "
                    + endpoint.handshakeTimeout().toMillis() + " ms of the 101"));
        }
    }

    // ------------------------------------------------------------------ TLS events

    @Override
    public void records(ByteBuffer records) {
        connection.write(records);
    }

    /** Serialised with the connection, so the engine's answer goes out at once. */
    @Override
    public void wrapNeeded() throws IOException {
        tls.flush();
    }

    @Override
    public void handshakeFinished(SSLSession negotiated) throws IOException {
        handshakeTimer.cancel(false);
        TlsSession session = TlsSession.of(negotiated);
        if (!endpoint.allowed(session.protocol())) {
            // The enabled protocols make this impossible; checked so that no JDK change can lower the floor.
            endpoint.handshakeFailed();
            connection.abort(new SSLException("negotiated " + session.protocol() + ", below the minimum "
                    + endpoint.minVersion()));
            return;
        }
        endpoint.handshakeCompleted();
        LOG.log(Level.FINE, "RFC 2817 handshake with {0}:{1} done: {2} {3}",
                new Object[] {clientAddress, clientPort, session.protocol(), session.cipherSuite()});
        bridge = new ContainerBridge(connection, endpoint, side, tls, session, clientAddress + ":" + clientPort);
        byte[] first = firstRequest;
        firstRequest = null;
        bridge.open(first);
    }

    @Override
    public void plaintext(ByteBuffer data) {
        if (bridge != null) {
            bridge.fromClient(data);
        }
    }

    @Override
    public void inboundClosed() {
        clientFinished();
    }

    private void clientFinished() {
        if (clientEnded) {
            return;
        }
        clientEnded = true;
        if (bridge == null) {
            connection.close();
        } else {
            bridge.clientEnded();
        }
    }
}
