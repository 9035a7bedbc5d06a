package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import dev.switchboard.servlet.nio.TlsDriver;
import dev.switchboard.servlet.nio.TlsPeer;

/**
 * TLS to an {@code https://} backend over the socket channel, with Switchboard's one
 * {@link TlsDriver}, so that the relay stays on NIO. The handshake runs in the blocking phase
 * and verifies the backend's certificate against its host name (RFC 9110 section 4.3.4); in
 * the relay, data is wrapped and unwrapped as it passes, and any record the engine has to send
 * in answer to a read (a TLS 1.3 key update, for example) goes out with the next flush, under
 * the writer's lock: the reading thread only unwraps.
 *
 * <p>Buffers: {@code netIn} holds what one read of the socket brought; {@code netOut} the
 * records the socket did not take yet, ready for draining; {@code appIn} decrypted bytes not
 * read yet, ready for draining.
 */
final class TlsTransport implements Transport, TlsPeer {

    private final SocketChannel channel;
    private final TlsDriver driver;
    private final InputStream in;
    private final ByteBuffer netIn;
    // Replaced by the writer when it grows; read by wantsFlush() on the reading thread.
    private volatile ByteBuffer netOut;
    private ByteBuffer appIn;
    // Set by an unwrap on the reading thread, cleared by a flush under the writer's lock.
    private volatile boolean wrapNeeded;
    private volatile boolean blockingPhase = true;
    private boolean shutdownPending;
    private boolean inputClosed;

    private TlsTransport(SocketChannel channel, SSLEngine engine) throws IOException {
        this.channel = channel;
        this.in = channel.socket().getInputStream();
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet).flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        // A backend's renegotiation (TLS 1.2) is followed as the JDK's client follows it.
        this.driver = new TlsDriver(engine, this, false);
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
        t.driver.begin();
        while (!t.driver.handshakeFinished()) {
            if (t.driver.needsWrap()) {
                t.driver.flush();
                if (t.driver.needsWrap() && !t.driver.handshakeFinished()) {
                    throw new SSLException("the TLS engine made no progress in the handshake");
                }
            } else if (t.fillBlocking() < 0) {
                throw new SSLException("backend closed the connection during the TLS handshake");
            }
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
            if (inputClosed || fillBlocking() < 0) {
                inputClosed = true;
                return -1;
            }
        }
        int n = Math.min(len, appIn.remaining());
        appIn.get(b, off, n);
        return n;
    }

    @Override
    public void writeBlocking(ByteBuffer src) throws IOException {
        if (!driver.send(src)) {
            throw new SSLException("TLS output to the backend is closed");
        }
    }

    @Override
    public void configureNonBlocking() throws IOException {
        blockingPhase = false;
        channel.configureBlocking(false);
    }

    // ------------------------------------------------------------------ non-blocking phase

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (!appIn.hasRemaining()) {
            if (inputClosed) {
                return -1;
            }
            netIn.clear();
            int n = channel.read(netIn);
            if (n < 0) {
                inputClosed = true;
            } else if (n == 0) {
                return 0;
            } else {
                driver.receive(netIn.flip());
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
            if (!driver.sendRecord(src)) {
                throw new SSLException("TLS output to the backend is closed");
            }
        }
        flush();
    }

    @Override
    public boolean flush() throws IOException {
        if (wrapNeeded && !netOut.hasRemaining()) {
            wrapNeeded = false;
            driver.flush();
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
        shutdownPending = true;
        driver.closeOutbound();
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

    // ------------------------------------------------------------------ what the driver produces

    /** Writes records straight to the socket while none wait ahead of them; keeps what it does not take. */
    @Override
    public void records(ByteBuffer records) throws IOException {
        if (!netOut.hasRemaining()) {
            channel.write(records);
            while (records.hasRemaining() && channel.isBlocking()) {
                channel.write(records);
            }
        }
        if (records.hasRemaining()) {
            netOut = append(netOut, records);
        }
    }

    @Override
    public void plaintext(ByteBuffer data) {
        appIn = append(appIn, data);
    }

    /** In the blocking phase the one thread answers at once; in the relay, the writer does. */
    @Override
    public void wrapNeeded() throws IOException {
        if (blockingPhase) {
            driver.flush();
        } else {
            wrapNeeded = true;
        }
    }

    @Override
    public void inboundClosed() {
        inputClosed = true;
    }

    /** Reads once from the blocking socket (waiting at most its {@code SO_TIMEOUT}) and unwraps what came. */
    private int fillBlocking() throws IOException {
        netIn.clear();
        int n = in.read(netIn.array(), netIn.arrayOffset(), netIn.capacity());
        if (n > 0) {
            netIn.limit(n);
            driver.receive(netIn);
        }
        return n;
    }

    /** {@code buffer} (ready for draining) with {@code more} after its bytes, in a bigger buffer if need be. */
    private static ByteBuffer append(ByteBuffer buffer, ByteBuffer more) {
        if (buffer.capacity() - buffer.remaining() >= more.remaining()) {
            return buffer.compact().put(more).flip();
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.remaining() + more.remaining());
        return bigger.put(buffer).put(more).flip();
    }

    @Override
    public String toString() {
        return "TLS " + driver.engine().getSession().getProtocol();
    }
}
