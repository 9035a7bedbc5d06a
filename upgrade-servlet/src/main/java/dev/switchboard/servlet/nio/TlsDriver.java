package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Switchboard's one {@link SSLEngine} driver, for either side of a connection and free of any
 * I/O: network bytes go in through {@link #receive} and come out as application bytes; application
 * bytes go in through {@link #send} and come out as TLS records; both through the {@link TlsPeer}.
 * It keeps a partial record between calls, grows its buffers when the engine asks for more
 * room, runs delegated tasks inline, reports the end of the handshake once, writes
 * {@code close_notify} ({@link #closeOutbound}) and tells a clean end of the peer's stream
 * from a truncation ({@link #endOfStream}). Every failure of the engine, including a runtime
 * exception from it on a peer's bad bytes, comes out as an {@link SSLException}.
 *
 * <p>Two halves. The <em>inbound</em> half ({@link #receive}, {@link #endOfStream}) unwraps
 * and never wraps: when the engine has a record to send in answer (a handshake message, a TLS
 * 1.3 key update, a reply to {@code close_notify}) it calls {@link TlsPeer#wrapNeeded()}, and the
 * owner calls {@link #flush()} from the outbound half, at once if it runs both halves on one
 * thread, or later under its writer's lock. The <em>outbound</em> half ({@link #send},
 * {@link #flush}, {@link #closeOutbound}, {@link #fail}) wraps, so its records come out in the
 * order the engine numbered them. Each half is called by one thread at a time; the two halves
 * may run at once on two threads. Scratch buffers are per thread and per half, so a
 * connection holds only its engine and, while a record is incomplete, one input buffer.
 */
public final class TlsDriver {

    /** The protocol name under which a new handshake is a key update, not a renegotiation. */
    private static final String TLS_V1_3 = "TLSv1.3";
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final TlsPeer peer;
    private final boolean refuseRenegotiation;
    private final int recordRoom;
    private volatile boolean finished;
    // inbound half
    private int appSize;
    private final PartialRecord partial = new PartialRecord();
    private boolean closeNotifyReceived;
    // outbound half
    private int packetSize;

    /**
     * @param engine the engine, in client or server mode, its handshake not begun
     * @param refuseRenegotiation whether a new handshake after the first on a TLS 1.2 (or older)
     *     session fails the connection; TLS 1.3 has no renegotiation, and its post-handshake
     *     messages (tickets, key updates) always go on
     */
    public TlsDriver(SSLEngine engine, TlsPeer peer, boolean refuseRenegotiation) {
        this(engine, peer, refuseRenegotiation, engine.getSession().getPacketBufferSize(),
                engine.getSession().getApplicationBufferSize());
    }

    /** With buffers of the given first sizes, which grow as the engine asks. */
    TlsDriver(SSLEngine engine, TlsPeer peer, boolean refuseRenegotiation, int packetSize, int appSize) {
        this.engine = engine;
        this.peer = peer;
        this.refuseRenegotiation = refuseRenegotiation;
        this.packetSize = packetSize;
        this.recordRoom = packetSize;
        this.appSize = appSize;
    }

    /** Begins the handshake; a client then calls {@link #flush()} to send its first flight. */
    public void begin() throws SSLException {
        try {
            engine.beginHandshake();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    public SSLEngine engine() {
        return engine;
    }

    public boolean handshakeFinished() {
        return finished;
    }

    /** Whether the engine waits for the outbound half: a record to wrap or a task to run. */
    public boolean needsWrap() {
        HandshakeStatus hs = engine.getHandshakeStatus();
        return hs == HandshakeStatus.NEED_WRAP || hs == HandshakeStatus.NEED_TASK;
    }

    /**
     * Inbound: takes network bytes (all of {@code net}), keeping a partial record for the next
     * call, and hands on what they carry.
     *
     * @throws SSLException if the bytes are not TLS, the handshake fails, application data
     *     comes before the handshake finished, or a refused renegotiation starts; then call
     *     {@link #fail()} and close the connection
     */
    public void receive(ByteBuffer net) throws IOException {
        ByteBuffer in = partial.join(net, recordRoom);
        try {
            unwrap(in);
        } catch (RuntimeException e) {
            throw failure(e);
        } finally {
            partial.keep(in, recordRoom);
        }
    }

    /**
     * Inbound: the peer's stream has ended.
     *
     * @return true if the peer had sent {@code close_notify} and no partial record is left;
     *     false for a truncation, which the connection survives only as an end of input
     */
    public boolean endOfStream() {
        boolean truncated = partial.hasBytes();
        try {
            engine.closeInbound();
        } catch (SSLException | RuntimeException e) {
            // without close_notify, as a truncation is
        }
        return closeNotifyReceived && !truncated;
    }

    /**
     * Outbound: encrypts all of {@code plain}.
     *
     * @return false once the outbound side is closed (then the rest of {@code plain} is left)
     */
    public boolean send(ByteBuffer plain) throws IOException {
        while (plain.hasRemaining()) {
            if (!sendRecord(plain)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Outbound: encrypts what one record holds of {@code plain}, for an owner that writes as
     * far as its sink takes and no further.
     *
     * @return false once the outbound side is closed
     */
    public boolean sendRecord(ByteBuffer plain) throws IOException {
        try {
            SSLEngineResult r = wrap(plain);
            advance(r.getHandshakeStatus());
            return r.getStatus() != Status.CLOSED;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** Outbound: wraps what the engine has to send (handshake messages, alerts, {@code close_notify}). */
    public void flush() throws IOException {
        try {
            advance(engine.getHandshakeStatus());
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** Outbound: sends {@code close_notify}; nothing can be sent after it. */
    public void closeOutbound() throws IOException {
        engine.closeOutbound();
        flush();
    }

    /** Outbound, after a failure: lets the engine send its alert, if it has one. Never throws. */
    public void fail() {
        try {
            closeOutbound();
        } catch (IOException | RuntimeException e) {
            // the connection is closing anyway
        }
    }

    private void unwrap(ByteBuffer in) throws IOException {
        while (true) {
            ByteBuffer app = TlsScratch.take(TlsScratch.PLAINTEXT, appSize);
            SSLEngineResult result = engine.unwrap(in, app);
            app.flip();
            if (app.hasRemaining()) {
                if (!finished) {
                    throw new SSLException("application data before the handshake finished");
                }
                peer.plaintext(app);
            }
            if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                appSize = TlsScratch.grow(appSize, engine.getSession().getApplicationBufferSize());
                continue;
            }
            refuseRenegotiation(result.getHandshakeStatus()); // before a task runs or a byte of it is written
            HandshakeStatus hs = runTasks(result.getHandshakeStatus());
            boolean progressed = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            if (hs == HandshakeStatus.FINISHED || hs == HandshakeStatus.NOT_HANDSHAKING) {
                finishUnlessClosed(hs);
            } else if (hs == HandshakeStatus.NEED_WRAP) {
                peer.wrapNeeded();
                progressed |= engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
            }
            if (result.getStatus() == Status.CLOSED) {
                closeNotifyReceived = true;
                peer.inboundClosed();
                return;
            }
            if (result.getStatus() == Status.BUFFER_UNDERFLOW || !in.hasRemaining() || !progressed) {
                return;
            }
        }
    }

    /** Runs tasks and wraps until the engine needs input or is done; outbound. */
    private void advance(HandshakeStatus status) throws IOException {
        HandshakeStatus hs = status;
        while (true) {
            hs = runTasks(hs);
            if (hs != HandshakeStatus.NEED_WRAP) {
                finishUnlessClosed(hs);
                return;
            }
            SSLEngineResult r = wrap(EMPTY);
            hs = r.getHandshakeStatus();
            if (r.bytesProduced() == 0 && (r.getStatus() == Status.CLOSED || hs == HandshakeStatus.NEED_WRAP)) {
                return; // nothing more will come of wrapping
            }
        }
    }

    /** Wraps from {@code src} into records for the peer, growing the buffer until one fits. */
    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        while (true) {
            ByteBuffer net = TlsScratch.take(TlsScratch.RECORDS, packetSize);
            SSLEngineResult r = engine.wrap(src, net);
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                packetSize = TlsScratch.grow(packetSize, engine.getSession().getPacketBufferSize());
                continue;
            }
            net.flip();
            if (net.hasRemaining()) {
                peer.records(net);
            }
            return r;
        }
    }

    private HandshakeStatus runTasks(HandshakeStatus status) {
        if (status != HandshakeStatus.NEED_TASK) {
            return status;
        }
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /**
     * Refuses a handshake that starts on an established TLS 1.2 (or older) session, before the
     * engine writes a byte of it: a renegotiation, which costs the server a full handshake per
     * request of the client's.
     */
    private void refuseRenegotiation(HandshakeStatus hs) throws SSLException {
        if (refuseRenegotiation && finished && hs != HandshakeStatus.NOT_HANDSHAKING
                && hs != HandshakeStatus.FINISHED && !TLS_V1_3.equals(engine.getSession().getProtocol())) {
            throw new SSLException("renegotiation is refused");
        }
    }

    /** Reports the end of the handshake once: on FINISHED, or on an engine that just stops handshaking. */
    private void finishUnlessClosed(HandshakeStatus hs) throws IOException {
        if (finished || engine.isInboundDone() || engine.isOutboundDone()) {
            return;
        }
        if (hs == HandshakeStatus.FINISHED || hs == HandshakeStatus.NOT_HANDSHAKING) {
            finished = true;
            peer.handshakeFinished(engine.getSession());
        }
    }

    private static SSLException failure(RuntimeException e) {
        return new SSLException("TLS engine failed: " + e, e);
    }
}
