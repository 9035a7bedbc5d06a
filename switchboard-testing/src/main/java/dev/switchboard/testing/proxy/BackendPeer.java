package dev.switchboard.testing.proxy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One connection accepted by a {@link ScriptedBackend}: the tunnel's side of it, seen from
 * the backend. Every read has a timeout so that a proxy that hangs fails the test.
 */
public final class BackendPeer implements AutoCloseable {

    /** Reads and accepts give up after this long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    BackendPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    /** Reads one request head, byte by byte, exactly up to and including its empty line. */
    public String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a request head; got: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> state;
            };
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code text} as ISO-8859-1 and flushes. */
    public BackendPeer send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public BackendPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads exactly {@code n} bytes as ISO-8859-1 text. */
    public String readString(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("expected " + n + " bytes but the connection ended after " + b.length + ": "
                    + new String(b, StandardCharsets.ISO_8859_1));
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Reads until the proxy closes or half-closes its side, and returns what came. */
    public String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads until the proxy closes the connection, by end of stream or by reset, and returns
     * every byte that arrived before that.
     */
    public String readUntilClosed() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset: what came before it is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the proxy has ended its output: true on end of stream or reset, false if a byte
     * arrives (which is consumed) or nothing arrives within {@code wait}.
     */
    public boolean isEndedByProxy(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
            }
        }
    }

    /** Ends this side's output: the proxy sees end of stream, and can still send. */
    public BackendPeer shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Resets the connection (RST), as a backend process that dies does. */
    public void kill() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
