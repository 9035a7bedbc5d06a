package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS to an {@code https://} backend with an {@link SSLEngine} over the socket channel, so
 * that the relay stays on NIO. The handshake runs in the blocking phase and verifies the
 * backend's certificate against its host name (RFC 9110 section 4.3.4); in the relay, data
 * is wrapped and unwrapped as it passes, and any handshake message the engine needs to send
 * afterwards (a TLS 1.3 key update, for example) goes out with the next flush.
 *
 * <p>Buffers: {@code netIn} is kept ready for filling, {@code netOut} ready for draining
 * (its remaining bytes are still to be written), {@code appIn} ready for draining.
 */
final class TlsTransport implements Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final InputStream in;
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;
    // Set by an unwrap on the reading thread, cleared by a wrap under the writer's lock.
    private volatile boolean wrapNeeded;
    private boolean shutdownPending;
    private boolean inputClosed;

    private TlsTransport(SocketChannel channel, SSLEngine engine) throws IOException {
        this.channel = channel;
        this.engine = engine;
        this.in = channel.socket().getInputStream();
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        this.netOut.flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        this.appIn.flip();
    }

    /**
     * Runs the client handshake on the blocking channel, verifying that the certificate
     * names {@code host}.
     *
     * @throws SSLException if the handshake fails or the certificate is not trusted
     */
    static TlsTransport handshake(SocketChannel channel, SSLContext context, String host, int port)
            throws IOException {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
        TlsTransport t = new TlsTransport(channel, engine);
        engine.beginHandshake();
        HandshakeStatus hs = engine.getHandshakeStatus();
        while (hs != HandshakeStatus.FINISHED && hs != HandshakeStatus.NOT_HANDSHAKING) {
            switch (hs) {
                case NEED_WRAP -> {
                    t.wrap(EMPTY);
                    t.writeNetOutBlocking();
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (t.unwrap() == SSLEngineResult.Status.BUFFER_UNDERFLOW && t.fillBlocking() < 0) {
                        throw new SSLException("backend closed the connection during the TLS handshake");
                    }
                }
                case NEED_TASK -> t.runTasks();
                default -> throw new SSLException("unexpected handshake status " + hs);
            }
            hs = engine.getHandshakeStatus();
        }
        return t;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    // ------------------------------------------------------------------ blocking phase

    @Override
    public int readBlocking(byte[] b, int off, int len) throws IOException {
        while (!appIn.hasRemaining()) {
            if (inputClosed) {
                return -1;
            }
            SSLEngineResult.Status status = unwrap();
            if (status == SSLEngineResult.Status.CLOSED) {
                inputClosed = true;
            } else if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW && fillBlocking() < 0) {
                return -1;
            }
            if (wrapNeeded) {
                flushBlocking();
            }
        }
        int n = Math.min(len, appIn.remaining());
        appIn.get(b, off, n);
        return n;
    }

    @Override
    public void writeBlocking(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            wrap(src);
            writeNetOutBlocking();
        }
    }

    @Override
    public void configureNonBlocking() throws IOException {
        channel.configureBlocking(false);
    }

    // ------------------------------------------------------------------ non-blocking phase

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (!appIn.hasRemaining()) {
            if (inputClosed) {
                return -1;
            }
            SSLEngineResult.Status status = unwrap();
            if (status == SSLEngineResult.Status.CLOSED) {
                inputClosed = true;
            } else if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                int n = channel.read(netIn);
                if (n < 0) {
                    inputClosed = true;
                } else if (n == 0) {
                    return 0;
                }
            }
        }
        int n = Math.min(dst.remaining(), appIn.remaining());
        ByteBuffer slice = appIn.slice();
        slice.limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        return n;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            if (!flush()) {
                return;
            }
            wrap(src);
        }
        flush();
    }

    @Override
    public boolean flush() throws IOException {
        if (wrapNeeded && !netOut.hasRemaining()) {
            wrap(EMPTY);
        }
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        if (netOut.hasRemaining()) {
            return false;
        }
        if (shutdownPending) {
            shutdownPending = false;
            channel.shutdownOutput();
        }
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        wrapNeeded = true;
        shutdownPending = true;
        flush();
    }

    @Override
    public boolean wantsFlush() {
        return wrapNeeded || netOut.hasRemaining();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    // ------------------------------------------------------------------ engine plumbing

    /** Unwraps from {@code netIn} into {@code appIn}; reports underflow when more bytes are needed. */
    private SSLEngineResult.Status unwrap() throws IOException {
        netIn.flip();
        appIn.compact();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            appIn.flip();
            netIn.compact();
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("TLS record larger than the application buffer");
        }
        afterEngineCall(r.getHandshakeStatus());
        return r.getStatus();
    }

    /** Wraps from {@code src} into {@code netOut}, which must be empty. */
    private void wrap(ByteBuffer src) throws IOException {
        netOut.clear();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("TLS record larger than the packet buffer");
        }
        wrapNeeded = false;
        afterEngineCall(r.getHandshakeStatus());
    }

    private void afterEngineCall(HandshakeStatus hs) {
        if (hs == HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == HandshakeStatus.NEED_WRAP) {
            wrapNeeded = true;
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private int fillBlocking() throws IOException {
        if (!netIn.hasRemaining()) {
            throw new SSLException("TLS record larger than the packet buffer");
        }
        int n = in.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        if (n > 0) {
            netIn.position(netIn.position() + n);
        }
        return n;
    }

    private void writeNetOutBlocking() throws IOException {
        while (netOut.hasRemaining()) {
            channel.write(netOut);
        }
    }

    private void flushBlocking() throws IOException {
        if (wrapNeeded) {
            wrap(EMPTY);
        }
        writeNetOutBlocking();
    }

    @Override
    public String toString() {
        return "TLS " + engine.getSession().getProtocol();
    }
}
