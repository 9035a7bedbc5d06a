package dev.switchboard.tls.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.servlet.NonBlockingUpgradeHandler;
import dev.switchboard.tls.internal.bridge.LoopbackLink;
import dev.switchboard.tls.internal.engine.KeyMaterial;
import dev.switchboard.tls.internal.engine.TlsEngine;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * One RFC 2817 connection after its 101: a TLS server handshake over the upgraded streams
 * ({@link TlsEngine}), then HTTP/1.1 over TLS, bridged into the container.
 *
 * <ol>
 *   <li><b>Handshake</b> (RFC 2817 section 3.3): it starts with the client's first byte
 *       after the 101 and must end within the handshake timeout. A failure, a timeout or a
 *       version below the minimum closes the connection; nothing is ever written in
 *       cleartext after the 101 (TLS-03, TLS-08). Until it is done the connection holds
 *       nothing in the container: a client that sends a 101-worth of bytes and stops costs
 *       one socket and one slot of its address's share.</li>
 *   <li><b>Bridge</b>: once the handshake is done, the loopback socket connects, and the
 *       original request is queued as the first request for the container, so that its
 *       response is the first thing the client reads over TLS (UPG-15); once the socket is
 *       connected, its identity is registered (see {@link BridgeRegistry}) and the queue
 *       released. Every request the client sends is checked and passed on by
 *       {@link RequestRelay}; every byte the container answers goes back encrypted.</li>
 *   <li><b>End</b>: when the container closes its side (after {@code Connection: close}, or
 *       its keep-alive timeout), the client gets a {@code close_notify} and the connection
 *       closes. When the client ends its side, the container is told after the requests
 *       already sent, and their responses still go out. A request refused by the relay is
 *       answered after the responses before it, and the connection then closes. A client
 *       that stops reading is closed after the idle timeout (see {@link #onTimeout}).</li>
 * </ol>
 *
 * <p>Every method runs serialised with the container's callbacks (directly, or through
 * {@link #serialized}), so the engine and the link need no locks of their own.
 */
public final class TlsConnection extends NonBlockingUpgradeHandler implements LoopbackLink.Peer, TlsEngine.Events {

    private static final Logger LOG = Logger.getLogger(TlsConnection.class.getName());

    private TlsEndpoint endpoint;
    private InetSocketAddress target;
    private BridgeRules rules;
    private byte[] firstRequest;
    private String clientAddress;
    private int clientPort;
    private boolean slot;

    private final String token = BridgeRegistry.newToken();
    private TlsEngine tls;
    private LoopbackLink link;
    private RequestRelay relay;
    private ScheduledFuture<?> handshakeTimer;
    private TlsSession session;
    private BridgeRegistry.Entry entry;
    private InetSocketAddress linkLocal;
    private boolean bridging;
    private boolean clientEnded;
    private boolean finishing;
    private HttpStatusException refusal;
    private IOException linkFailure;

    /** For the container; configured by {@link #configure} during the switch. */
    public TlsConnection() {
    }

    /**
     * Sets the connection up; called once, from the switch's setup, before it starts.
     *
     * @param target the connector to bridge into (the one the 101 went out on)
     * @param firstRequest the head of the original request, as the client would have sent it
     */
    public void configure(TlsEndpoint endpoint, InetSocketAddress target, BridgeRules rules, byte[] firstRequest,
            String clientAddress, int clientPort) {
        this.endpoint = endpoint;
        this.target = target;
        this.rules = rules;
        this.firstRequest = firstRequest;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.slot = endpoint.tryOpen(clientAddress);
    }

    // ------------------------------------------------------------------ handler callbacks

    @Override
    protected void onOpen() throws IOException {
        if (!slot) {
            // Only when several switches raced past the limit in decide(): bounded all the same.
            abort(new IOException("too many RFC 2817 connections"));
            return;
        }
        // The engine is made for the upgraded request's host: its key follows the Host (see KeyMaterial).
        tls = new TlsEngine(endpoint.newEngine(KeyMaterial.hostOf(rules.host()), clientPort), this);
        tls.begin();
        handshakeTimer = schedule(this::handshakeTimedOut, endpoint.handshakeTimeout());
        relay = new RequestRelay(rules, token, endpoint.maxRequestHeadSize());
    }

    @Override
    protected void onInput(ByteBuffer data) throws IOException {
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
            close();
        }
    }

    @Override
    protected void onInputClosed() {
        if (!tls.handshakeFinished()) {
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

    @Override
    protected void onClosed(Throwable cause) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (entry != null) {
            endpoint.registry().unregister(entry); // before the socket closes: see BridgeRegistry
        }
        if (link != null) {
            link.close();
        }
        if (slot) {
            endpoint.closed(clientAddress);
        }
    }

    /**
     * Between requests on an open bridge, while the connection waits for the container, the
     * container's own timeouts govern: its keep-alive timeout ends an idle connection (with a
     * {@code close_notify}), and a response that takes long must not be cut by this handler's
     * idle timeout. The idle timeout applies whenever the connection waits for the client
     * instead: in the middle of a request, which the container has not seen whole; while
     * reading from the container is paused because the client does not take what was sent
     * (a client that stops reading, with requests outstanding); and once the connection is
     * ending and only waits for its last bytes to be taken.
     */
    @Override
    protected void onTimeout(Timeout timeout) {
        if (timeout == Timeout.IDLE && bridging && !finishing && relay.atRequestBoundary()
                && !link.readingPaused()) {
            return;
        }
        super.onTimeout(timeout);
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
        session = TlsSession.of(negotiated);
        if (!endpoint.allowed(session.protocol())) {
            // The enabled protocols make this impossible; checked so that no JDK change can lower the floor.
            endpoint.handshakeFailed();
            abort(new SSLException("negotiated " + session.protocol() + ", below the minimum " + endpoint.minVersion()));
            return;
        }
        endpoint.handshakeCompleted();
        LOG.log(Level.FINE, "RFC 2817 handshake with {0}:{1} done: {2} {3}",
                new Object[] {clientAddress, clientPort, session.protocol(), session.cipherSuite()});
        link = new LoopbackLink(endpoint.reactor(), this, options().maxPendingOutput());
        try {
            link.connect(target);
        } catch (IOException e) {
            linkClosed(e);
        }
        fromClient(ByteBuffer.wrap(firstRequest));
        firstRequest = null;
        release();
    }

    @Override
    public void plaintext(ByteBuffer data) {
        fromClient(data);
    }

    @Override
    public void inboundClosed() {
        clientFinished();
    }

    // ------------------------------------------------------------------ bridge

    /**
     * Once the handshake is done and the socket connected: registers the socket's identity,
     * then lets the queued requests go. A socket that could not connect gets the client a
     * 503 over TLS.
     */
    private void release() throws IOException {
        if (!tls.handshakeFinished() || bridging || finishing || isClosed()) {
            return;
        }
        if (linkFailure != null) {
            answerAndFinish(new HttpStatusException(HttpSpec.SC_SERVICE_UNAVAILABLE,
                    "The application cannot be reached over this connection"));
            return;
        }
        if (linkLocal == null) {
            return; // runs again when the socket is connected
        }
        BridgeRegistry.Entry e = new BridgeRegistry.Entry(linkLocal.getAddress().getHostAddress(), linkLocal.getPort(),
                target.getPort(), clientAddress, clientPort, session, token);
        if (!endpoint.registry().register(e)) {
            abort(new IOException("bridge port " + linkLocal.getPort() + " is already registered"));
            return;
        }
        entry = e;
        bridging = true;
        LOG.log(Level.FINE, "RFC 2817 bridge for {0}:{1} open from {2}", new Object[] {clientAddress, clientPort, linkLocal});
        link.release();
    }

    private void fromClient(ByteBuffer plain) {
        if (refusal != null || finishing) {
            return;
        }
        HttpStatusException refused = relay.feed(plain, link::send);
        if (refused != null) {
            endpoint.bridgeRefused();
            refusal = refused;
            link.shutdownOutput(); // the container answers what it has, then closes; the refusal follows
        }
    }

    private void clientFinished() {
        if (clientEnded) {
            return;
        }
        clientEnded = true;
        if (!tls.handshakeFinished()) {
            close();
        } else if (link != null) {
            link.shutdownOutput();
        }
    }

    @Override
    public boolean serialized(Runnable task) {
        return runSerialized(task);
    }

    @Override
    public void linkConnected(InetSocketAddress local) {
        linkLocal = local;
        try {
            release();
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
        try {
            if (cause != null) {
                LOG.log(Level.FINE, "RFC 2817 bridge socket failed", cause);
                linkFailure = cause;
                if (!bridging) {
                    release(); // answered with a 503 once the handshake is done
                    return;
                }
            }
            answerAndFinish(refusal);
        } catch (IOException e) {
            abort(e);
        }
    }

    @Override
    public void pauseClient() {
        suspendInput();
    }

    @Override
    public void resumeClient() {
        resumeInput();
    }

    /**
     * Ends the connection: writes {@code answer} if there is one, then {@code close_notify},
     * then closes once everything is written.
     */
    private void answerAndFinish(HttpStatusException answer) throws IOException {
        if (finishing) {
            return;
        }
        finishing = true;
        if (answer != null) {
            tls.send(ByteBuffer.wrap(BridgeAnswers.response(answer)));
        }
        tls.closeOutbound();
        close();
    }
}
