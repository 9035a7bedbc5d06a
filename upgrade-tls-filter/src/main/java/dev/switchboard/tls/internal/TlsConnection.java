package dev.switchboard.tls.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.servlet.NonBlockingUpgradeHandler;

/**
 * One RFC 2817 connection after its 101: a TLS server handshake with {@link SSLEngine} over
 * the upgraded streams, then HTTP/1.1 over TLS, bridged into the container.
 *
 * <ol>
 *   <li><b>Handshake</b> (RFC 2817 section 3.3): it starts with the client's first byte
 *       after the 101 and must end within the handshake timeout. A failure, a timeout or a
 *       version below the minimum closes the connection; nothing is ever written in
 *       cleartext after the 101 (TLS-03, TLS-08). Meanwhile the loopback socket connects.</li>
 *   <li><b>Bridge</b>: once both are done the socket's identity is registered (see
 *       {@link BridgeRegistry}), the original request goes first, re-written as the first
 *       request on the socket, so that its response is the first thing the client reads
 *       over TLS (UPG-15); then every request the client sends is checked and passed on by
 *       {@link RequestRelay}, and every byte the container answers goes back encrypted.</li>
 *   <li><b>End</b>: when the container closes its side (after {@code Connection: close}, or
 *       its keep-alive timeout), the client gets a {@code close_notify} and the connection
 *       closes. When the client ends its side, the container is told after the requests
 *       already sent, and the responses still go out. A request refused by the relay is
 *       answered, after the responses before it, and the connection then closes.</li>
 * </ol>
 *
 * <p>Every method runs serialised with the container's callbacks (directly, or through
 * {@link #serialized}), so the engine and the link need no locks of their own.
 */
public final class TlsConnection extends NonBlockingUpgradeHandler implements LoopbackLink.Peer {

    private static final Logger LOG = Logger.getLogger(TlsConnection.class.getName());
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = new ThreadLocal<>();

    private TlsEndpoint endpoint;
    private InetSocketAddress target;
    private BridgeRules rules;
    private byte[] firstRequest;
    private String clientAddress;
    private int clientPort;

    private SSLEngine engine;
    private int packetSize;
    private int appSize;
    private ByteBuffer netIn;
    private LoopbackLink link;
    private RequestRelay relay;
    private ScheduledFuture<?> handshakeTimer;
    private TlsSession session;
    private BridgeRegistry.Entry entry;
    private InetSocketAddress linkLocal;
    private boolean slot;
    private boolean handshakeDone;
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
        this.slot = endpoint.tryOpen();
    }

    // ------------------------------------------------------------------ handler callbacks

    @Override
    protected void onOpen() throws IOException {
        if (!slot) {
            // Only when several switches raced past the limit in decide(): bounded all the same.
            abort(new IOException("too many RFC 2817 connections"));
            return;
        }
        engine = endpoint.newEngine(clientAddress, clientPort);
        packetSize = engine.getSession().getPacketBufferSize();
        appSize = engine.getSession().getApplicationBufferSize();
        engine.beginHandshake();
        handshakeTimer = schedule(this::handshakeTimedOut, endpoint.handshakeTimeout());
        relay = new RequestRelay(rules, endpoint.maxRequestHeadSize());
        link = new LoopbackLink(endpoint.reactor(), this, options().maxPendingOutput());
        try {
            link.connect(target);
        } catch (IOException e) {
            linkClosed(e);
        }
    }

    @Override
    protected void onInput(ByteBuffer data) throws IOException {
        if (clientEnded) {
            return;
        }
        ByteBuffer in = data;
        if (netIn != null && netIn.position() > 0) {
            netIn = ensure(netIn, data.remaining());
            netIn.put(data).flip();
            in = netIn;
        }
        try {
            unwrap(in);
        } catch (SSLException e) {
            tlsFailed(e);
            return;
        }
        keepRemainder(in);
    }

    @Override
    protected void onInputClosed() throws IOException {
        if (!handshakeDone) {
            close();
            return;
        }
        try {
            engine.closeInbound(); // without close_notify: a truncation, reported and ignored
        } catch (SSLException e) {
            LOG.log(Level.FINE, "Client closed without close_notify", e);
        }
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
            endpoint.closed();
        }
    }

    // ------------------------------------------------------------------ TLS

    private void unwrap(ByteBuffer in) throws IOException {
        while (true) {
            ByteBuffer app = scratch(1, appSize);
            SSLEngineResult result = engine.unwrap(in, app);
            app.flip();
            if (app.hasRemaining()) {
                fromClient(app);
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                appSize *= 2;
                continue;
            }
            HandshakeStatus hs = advanceHandshake(result.getHandshakeStatus());
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                clientFinished();
                return;
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || !in.hasRemaining() || isClosed()
                    || (result.bytesConsumed() == 0 && result.bytesProduced() == 0)) {
                return;
            }
            if (hs == HandshakeStatus.NEED_UNWRAP || hs == HandshakeStatus.NOT_HANDSHAKING) {
                continue;
            }
            return;
        }
    }

    /** Runs delegated tasks and writes handshake messages until the engine needs input or is done. */
    private HandshakeStatus advanceHandshake(HandshakeStatus status) throws IOException {
        HandshakeStatus hs = status;
        while (true) {
            switch (hs) {
                case FINISHED -> {
                    handshakeFinished();
                    hs = engine.getHandshakeStatus();
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    hs = engine.getHandshakeStatus();
                }
                case NEED_WRAP -> {
                    SSLEngineResult r = wrap(EMPTY);
                    hs = r.getHandshakeStatus();
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED && hs == HandshakeStatus.NEED_WRAP) {
                        continue;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return hs;
                    }
                }
                default -> {
                    if (hs == HandshakeStatus.NOT_HANDSHAKING && !handshakeDone && !engine.isInboundDone()) {
                        handshakeFinished(); // an engine that never reports FINISHED is done all the same
                    }
                    return hs;
                }
            }
        }
    }

    /** Wraps from {@code src} into one or more TLS records and writes them. */
    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        while (true) {
            ByteBuffer net = scratch(0, packetSize);
            SSLEngineResult r = engine.wrap(src, net);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                packetSize *= 2;
                continue;
            }
            net.flip();
            if (net.hasRemaining()) {
                write(net);
            }
            return r;
        }
    }

    private void handshakeFinished() throws IOException {
        if (handshakeDone) {
            return;
        }
        handshakeDone = true;
        handshakeTimer.cancel(false);
        session = TlsSession.of(engine.getSession());
        if (!endpoint.allowed(session.protocol())) {
            // The enabled protocols make this impossible; checked so that a JDK change can never lower the floor.
            endpoint.handshakeFailed();
            abort(new SSLException("negotiated " + session.protocol() + ", below the minimum " + endpoint.minVersion()));
            return;
        }
        endpoint.handshakeCompleted();
        LOG.log(Level.FINE, "RFC 2817 handshake with {0}:{1} done: {2} {3}",
                new Object[] {clientAddress, clientPort, session.protocol(), session.cipherSuite()});
        startBridge();
    }

    private void handshakeTimedOut() {
        if (!handshakeDone) {
            endpoint.handshakeTimedOut();
            abort(new TimeoutException("TLS handshake not finished within " + endpoint.handshakeTimeout().toMillis()
                    + " ms of the 101"));
        }
    }

    /** A handshake or record failure: send the engine's alert, if it has one, then close. */
    private void tlsFailed(SSLException e) {
        if (!handshakeDone) {
            endpoint.handshakeFailed();
        }
        LOG.log(Level.FINE, "TLS failed on an RFC 2817 connection: " + e, e);
        try {
            engine.closeOutbound();
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = wrap(EMPTY);
                if (r.bytesProduced() == 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException again) {
            LOG.log(Level.FINE, "No alert could be sent", again);
        }
        close();
    }

    // ------------------------------------------------------------------ bridge

    /**
     * Queues the original request as the first one for the container (nothing is sent yet),
     * so that whatever the client sends next follows it.
     */
    private void startBridge() throws IOException {
        fromClientPlain(ByteBuffer.wrap(firstRequest));
        firstRequest = null;
        release();
    }

    /**
     * Once the handshake is done and the socket connected: registers the socket's identity,
     * then lets the queued requests go. A socket that could not connect gets the client a
     * 503 over TLS.
     */
    private void release() throws IOException {
        if (!handshakeDone || bridging || finishing || isClosed()) {
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
                target.getPort(), clientAddress, clientPort, session);
        if (!endpoint.registry().register(e)) {
            abort(new IOException("bridge port " + linkLocal.getPort() + " is already registered"));
            return;
        }
        entry = e;
        bridging = true;
        LOG.log(Level.FINE, "RFC 2817 bridge for {0}:{1} open from {2}", new Object[] {clientAddress, clientPort, linkLocal});
        link.release();
    }

    private void fromClient(ByteBuffer plain) throws IOException {
        if (!handshakeDone) {
            throw new SSLException("application data before the handshake finished");
        }
        fromClientPlain(plain);
    }

    private void fromClientPlain(ByteBuffer plain) {
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
        if (!handshakeDone) {
            close();
            return;
        }
        if (link != null) {
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
            while (data.hasRemaining()) {
                SSLEngineResult r = wrap(data);
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return false;
                }
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
            LOG.log(Level.FINE, "RFC 2817 bridge socket failed", cause);
            linkFailure = cause;
            if (!handshakeDone) {
                return; // answered with a 503 once the handshake is done
            }
            if (!bridging) {
                try {
                    release();
                } catch (IOException e) {
                    abort(e);
                }
                return;
            }
        }
        try {
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
     * Ends the connection: writes {@code answer} if there is one (with {@code Connection:
     * close}), then {@code close_notify}, then closes once everything is written.
     */
    private void answerAndFinish(HttpStatusException answer) throws IOException {
        if (finishing) {
            return;
        }
        finishing = true;
        if (answer != null) {
            wrap(ByteBuffer.wrap(response(answer)));
        }
        engine.closeOutbound();
        advanceHandshake(engine.getHandshakeStatus());
        close();
    }

    /** A complete HTTP/1.1 response for a refusal written by the bridge itself. */
    static byte[] response(HttpStatusException e) {
        byte[] body = (e.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + e.status() + " " + reasonPhrase(e.status()) + "\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }

    // ------------------------------------------------------------------ buffers

    private void keepRemainder(ByteBuffer in) {
        if (!in.hasRemaining()) {
            if (netIn != null) {
                netIn.clear();
            }
            return;
        }
        if (in == netIn) {
            netIn.compact();
        } else {
            netIn = ensure(netIn, in.remaining());
            netIn.put(in);
        }
    }

    /** {@code buffer} (in write mode) with room for {@code more} bytes. */
    private ByteBuffer ensure(ByteBuffer buffer, int more) {
        if (buffer == null) {
            return ByteBuffer.allocate(Math.max(packetSize, more));
        }
        if (buffer.remaining() >= more) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + Math.max(packetSize, more));
        buffer.flip();
        return bigger.put(buffer);
    }

    /** Per-thread scratch buffers: 0 for TLS records, 1 for plaintext; only used within one call. */
    private static ByteBuffer scratch(int which, int size) {
        ByteBuffer[] buffers = SCRATCH.get();
        if (buffers == null) {
            buffers = new ByteBuffer[2];
            SCRATCH.set(buffers);
        }
        if (buffers[which] == null || buffers[which].capacity() < size) {
            buffers[which] = ByteBuffer.allocate(size);
        }
        buffers[which].clear();
        return buffers[which];
    }
}
