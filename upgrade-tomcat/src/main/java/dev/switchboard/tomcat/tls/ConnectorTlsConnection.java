package dev.switchboard.tomcat.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import dev.switchboard.servlet.NonBlockingUpgradeHandler;
import dev.switchboard.tls.internal.bridge.LoopbackLink;
import dev.switchboard.tls.internal.engine.TlsEngine;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * One connection after the connector's 101: a TLS server handshake over the upgraded socket,
 * then the decrypted byte stream carried, unchanged, into the internal connector (see
 * {@link InternalConnector}), which parses it as HTTP/1.1 as it would any TLS connection's and
 * reports its requests as secure ones from the client's address.
 *
 * <ol>
 *   <li><b>Handshake</b> (RFC 2817 section 3.3): starts with the client's first byte after the
 *       101, must end within the handshake timeout; a failure, a timeout or a version below the
 *       minimum closes the connection. Nothing is written in cleartext after the 101, and
 *       nothing is opened toward the container before the handshake has completed.</li>
 *   <li><b>Bridge</b>: a loopback link to the internal connector, registered by its port
 *       before its first byte; the original {@code OPTIONS *} goes first, so its response is
 *       the first thing the client reads over TLS, then whatever the client sends. Bytes from
 *       the container go back encrypted.</li>
 *   <li><b>End</b>: the container closing its side ends the connection with a
 *       {@code close_notify}; the client ending its side is passed on after what it sent.</li>
 * </ol>
 *
 * <p>Callbacks run serialised (see {@link NonBlockingUpgradeHandler}); the link's events join
 * them through {@link #serialized}.
 */
public final class ConnectorTlsConnection extends NonBlockingUpgradeHandler
        implements LoopbackLink.Peer, TlsEngine.Events {

    private static final Logger LOG = Logger.getLogger(ConnectorTlsConnection.class.getName());

    /** The answer when the internal connector cannot be reached (the server is stopping). */
    private static final byte[] UNAVAILABLE = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 46\r\nConnection: close\r\n\r\n"
            + "The server cannot serve this connection now.\r\n").getBytes(StandardCharsets.US_ASCII);

    private ConnectorTlsEndpoint endpoint;
    private String host;
    private byte[] firstRequest;
    private Bridge peer;
    private boolean slot;

    private TlsEngine tls;
    private ScheduledFuture<?> handshakeTimer;
    private LoopbackLink link;
    private int linkPort = -1;
    private Bridge registered;
    private boolean clientEnded;
    private boolean finishing;

    /** For {@link TlsOfferProtocol}; configured by {@link #configure} before it starts. */
    public ConnectorTlsConnection() {
    }

    /**
     * @param host the host name the upgraded request named, or null (chooses the certificate)
     * @param firstRequest the upgraded request's head without its upgrade fields
     * @param peer the client and connector addresses; its session is filled in after the handshake
     */
    void configure(ConnectorTlsEndpoint endpoint, String host, byte[] firstRequest, Bridge peer) {
        this.endpoint = endpoint;
        this.host = host;
        this.firstRequest = firstRequest;
        this.peer = peer;
        this.slot = endpoint.tryOpen();
    }

    // ------------------------------------------------------------------ handler callbacks

    @Override
    protected void onOpen() throws IOException {
        if (!slot) {
            abort(new IOException("too many RFC 2817 connections"));
            return;
        }
        tls = new TlsEngine(endpoint.newEngine(host, peer.localPort()), this);
        tls.begin();
        handshakeTimer = schedule(this::handshakeTimedOut, endpoint.handshakeTimeout());
    }

    @Override
    protected void onInput(ByteBuffer data) {
        if (clientEnded) {
            return;
        }
        try {
            tls.receive(data);
        } catch (IOException e) {
            if (!tls.handshakeFinished()) {
                endpoint.handshakeFailed();
            }
            LOG.log(Level.FINE, "TLS failed on a connector RFC 2817 connection: " + e, e);
            tls.fail();
            close();
        }
    }

    @Override
    protected void onInputClosed() {
        if (tls == null || !tls.handshakeFinished()) {
            close();
            return;
        }
        tls.endOfStream();
        clientFinished();
    }

    @Override
    protected void onWritable() {
        if (link != null) {
            link.resumeReading();
        }
    }

    /**
     * Once bridged, the internal connector's own timeouts govern (its keep-alive timeout ends
     * an idle connection, a slow response is not cut); until then the handshake timeout does.
     */
    @Override
    protected void onTimeout(Timeout timeout) {
        if (timeout == Timeout.IDLE && registered != null) {
            return;
        }
        super.onTimeout(timeout);
    }

    @Override
    protected void onClosed(Throwable cause) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (registered != null) {
            endpoint.bridges().unregister(linkPort, registered); // before the socket closes
        }
        if (link != null) {
            link.close();
        }
        if (slot) {
            endpoint.closed();
        }
    }

    private void handshakeTimedOut() {
        if (!tls.handshakeFinished()) {
            endpoint.handshakeTimedOut();
            abort(new TimeoutException("TLS handshake not finished within " + endpoint.handshakeTimeout().toMillis()
                    + " ms of the 101"));
        }
    }

    // ------------------------------------------------------------------ TLS events

    @Override
    public void records(ByteBuffer records) {
        write(records);
    }

    @Override
    public void handshakeFinished(SSLSession negotiated) throws IOException {
        handshakeTimer.cancel(false);
        TlsSession session = TlsSession.of(negotiated);
        if (!endpoint.allowed(session.protocol())) {
            endpoint.handshakeFailed();
            abort(new SSLException("negotiated " + session.protocol() + ", below the minimum"));
            return;
        }
        endpoint.handshakeCompleted();
        peer = new Bridge(peer.clientAddress(), peer.clientPort(), peer.localAddress(), peer.localName(),
                peer.localPort(), session);
        link = new LoopbackLink(endpoint.reactor(), this, options().maxPendingOutput());
        link.send(ByteBuffer.wrap(firstRequest)); // queued until the link is registered
        firstRequest = null;
        try {
            link.connect(endpoint.internalAddress());
        } catch (IOException e) {
            linkClosed(e);
        }
    }

    @Override
    public void plaintext(ByteBuffer data) {
        if (link != null && !finishing) {
            link.send(data);
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
        if (link == null) {
            close();
        } else {
            link.shutdownOutput();
        }
    }

    // ------------------------------------------------------------------ link events

    @Override
    public boolean serialized(Runnable task) {
        return runSerialized(task);
    }

    @Override
    public void linkConnected(InetSocketAddress local) {
        if (isClosed()) {
            return;
        }
        if (!endpoint.bridges().register(local.getPort(), peer)) {
            abort(new IOException("link port " + local.getPort() + " is already registered"));
            return;
        }
        linkPort = local.getPort();
        registered = peer;
        try {
            link.release();
        } catch (IOException e) {
            abort(e);
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
            abort(e);
            return false;
        }
        if (isBacklogged()) {
            link.pauseReading();
            return false;
        }
        return true;
    }

    @Override
    public void linkClosed(IOException cause) {
        if (cause != null) {
            LOG.log(Level.FINE, "RFC 2817 link to the internal connector failed", cause);
        }
        if (finishing) {
            return;
        }
        finishing = true;
        try {
            if (cause != null && registered == null) {
                tls.send(ByteBuffer.wrap(UNAVAILABLE.clone())); // the container was never reached: say so, over TLS
            }
            tls.closeOutbound();
        } catch (IOException e) {
            abort(e);
            return;
        }
        close();
    }

    @Override
    public void pauseClient() {
        suspendInput();
    }

    @Override
    public void resumeClient() {
        resumeInput();
    }
}
