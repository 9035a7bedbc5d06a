package dev.switchboard.tls.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import dev.switchboard.tls.TlsSpec;

/**
 * Drives a server {@link SSLEngine} over bytes that arrive in pieces: feeds it records,
 * runs its delegated tasks inline, writes the handshake messages it produces, and reports
 * what happens to {@link Events}. Partial records are kept between calls; scratch buffers
 * are per thread, so a connection holds only its engine and, while a record is incomplete,
 * one buffer. Not thread-safe: the owner serialises every call.
 */
public final class TlsEngine {

    /** What the engine has for its owner; every call happens inside a call to the engine. */
    public interface Events {
        /** TLS records for the client, valid during the call. */
        void records(ByteBuffer records) throws IOException;

        /** The handshake has finished. */
        void handshakeFinished(SSLSession session) throws IOException;

        /** Decrypted application data, valid during the call; only after the handshake. */
        void plaintext(ByteBuffer data) throws IOException;

        /** The client sent {@code close_notify}. */
        void inboundClosed() throws IOException;
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = new ThreadLocal<>();

    private final SSLEngine engine;
    private final Events events;
    private int packetSize;
    private int appSize;
    private ByteBuffer pending;
    private boolean finished;

    public TlsEngine(SSLEngine engine, Events events) {
        this.engine = engine;
        this.events = events;
        this.packetSize = engine.getSession().getPacketBufferSize();
        this.appSize = engine.getSession().getApplicationBufferSize();
    }

    public void begin() throws SSLException {
        engine.beginHandshake();
    }

    public boolean handshakeFinished() {
        return finished;
    }

    /**
     * Takes bytes from the client.
     *
     * @throws SSLException if the handshake or a record fails; then call {@link #fail()}
     */
    public void receive(ByteBuffer data) throws IOException {
        ByteBuffer in = data;
        if (pending != null && pending.position() > 0) {
            pending = ensure(pending, data.remaining());
            pending.put(data).flip();
            in = pending;
        }
        unwrap(in);
        keepRemainder(in);
    }

    /** Encrypts {@code plain} (all of it) for the client; false once the engine's outbound side is closed. */
    public boolean send(ByteBuffer plain) throws IOException {
        while (plain.hasRemaining()) {
            if (wrap(plain).getStatus() == SSLEngineResult.Status.CLOSED) {
                return false;
            }
        }
        return true;
    }

    /** Sends {@code close_notify}. */
    public void closeOutbound() throws IOException {
        engine.closeOutbound();
        advance(engine.getHandshakeStatus());
    }

    /** The client's stream ended without {@code close_notify}: a truncation, which the engine reports and is ignored. */
    public void endOfStream() {
        try {
            engine.closeInbound();
        } catch (SSLException e) {
            // expected without close_notify
        }
    }

    /** After a failure: lets the engine send its alert, if it has one. Never throws. */
    public void fail() {
        try {
            engine.closeOutbound();
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                if (wrap(EMPTY).bytesProduced() == 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection is closing anyway
        }
    }

    private void unwrap(ByteBuffer in) throws IOException {
        while (true) {
            ByteBuffer app = scratch(1, appSize);
            SSLEngineResult result = engine.unwrap(in, app);
            app.flip();
            if (app.hasRemaining()) {
                if (!finished) {
                    throw new SSLException("application data before the handshake finished");
                }
                events.plaintext(app);
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                appSize *= 2;
                continue;
            }
            refuseRenegotiation(result.getHandshakeStatus());
            HandshakeStatus hs = advance(result.getHandshakeStatus());
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                events.inboundClosed();
                return;
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || !in.hasRemaining()
                    || (result.bytesConsumed() == 0 && result.bytesProduced() == 0)
                    || (hs != HandshakeStatus.NEED_UNWRAP && hs != HandshakeStatus.NOT_HANDSHAKING)) {
                return;
            }
        }
    }

    /**
     * Refuses a handshake that the client starts on an established TLS 1.2 (or older) session:
     * client-initiated renegotiation, which costs the server a full handshake for each of a
     * client's requests and which the bridge has no use for. Thrown before the engine runs a
     * task or writes a byte of the new handshake; the connection then ends (TLS-03). TLS 1.3
     * has no renegotiation, and its post-handshake messages (key updates) go on.
     *
     * @throws SSLException if {@code status} shows a new handshake after the first one finished
     */
    private void refuseRenegotiation(HandshakeStatus status) throws SSLException {
        if (finished && status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED
                && !TlsSpec.TLS_V1_3.equals(engine.getSession().getProtocol())) {
            throw new SSLException("client-initiated renegotiation is refused");
        }
    }

    /** Runs delegated tasks and writes handshake messages until the engine needs input or is done. */
    private HandshakeStatus advance(HandshakeStatus status) throws IOException {
        HandshakeStatus hs = status;
        while (true) {
            switch (hs) {
                case FINISHED -> {
                    finish();
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
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED && hs != HandshakeStatus.NEED_WRAP) {
                        return hs;
                    }
                }
                default -> {
                    if (hs == HandshakeStatus.NOT_HANDSHAKING && !finished && !engine.isInboundDone()
                            && !engine.isOutboundDone()) {
                        finish(); // an engine that never reports FINISHED is done all the same
                    }
                    return hs;
                }
            }
        }
    }

    private void finish() throws IOException {
        if (!finished) {
            finished = true;
            events.handshakeFinished(engine.getSession());
        }
    }

    /** Wraps from {@code src} into TLS records and hands them on. */
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
                events.records(net);
            }
            return r;
        }
    }

    private void keepRemainder(ByteBuffer in) {
        if (!in.hasRemaining()) {
            if (pending != null) {
                pending.clear();
            }
        } else if (in == pending) {
            pending.compact();
        } else {
            pending = ensure(pending, in.remaining());
            pending.put(in);
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

    /** Per-thread scratch buffers: 0 for TLS records, 1 for plaintext; each only used within one call. */
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
