package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A raw TCP connection to a server under test, for tests that assert what goes over the wire:
 * write exact bytes, read a response head exactly to its empty line (never a byte more, so
 * that what follows a 101 can be read, or handed to TLS, untouched), read a body by its
 * framing, read exact byte counts, detect end of stream.
 *
 * <pre>
 * try (RawConnection c = RawConnection.open(base)) {
 *     c.send("GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
 *     ResponseHead head = c.readHead();
 *     c.send("ping");
 *     assertThat(c.readString(4)).isEqualTo("ping");
 * }
 * </pre>
 *
 * Every read has a timeout (default 10 s) so that a server that hangs fails the test instead
 * of hanging it.
 */
public final class RawConnection implements AutoCloseable {

    /** Reads give up after this long unless a test sets its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code host:port}. */
    public static RawConnection open(String host, int port) throws IOException {
        return open(host, port, null);
    }

    /**
     * Connects to the host and port of {@code base} from {@code localAddress}, such as
     * {@code 127.0.0.2} (on Linux every 127/8 address is loopback): for tests where the
     * server must see a particular client address, like a trusted proxy.
     */
    public static RawConnection openFrom(URI base, String localAddress) throws IOException {
        return open(base.getHost(), base.getPort(), localAddress);
    }

    private static RawConnection open(String host, int port, String localAddress) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_TIMEOUT.toMillis());
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        return new RawConnection(socket);
    }

    /**
     * A connection over a socket that is already connected, such as an {@code SSLSocket}
     * layered over a raw connection after an RFC 2817 {@code 101}. Reads get the default
     * timeout.
     */
    public static RawConnection over(Socket socket) throws IOException {
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        return new RawConnection(socket);
    }

    /** Connects to the host and port of {@code base} (an http:// URI). */
    public static RawConnection open(URI base) throws IOException {
        return open(base.getHost(), base.getPort());
    }

    /** The underlying socket, for example to layer TLS over it after a 101. */
    public Socket socket() {
        return socket;
    }

    public RawConnection timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** Writes {@code text} as ISO-8859-1 bytes and flushes. */
    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code bytes} and flushes. */
    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Half-closes: the server sees end of stream, and can still send. */
    public RawConnection shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /**
     * Reads one response head, byte by byte up to and including the empty line, and parses it.
     *
     * @throws EOFException if the connection ends first
     */
    public ResponseHead readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int state = 0; // how much of CR LF CR LF has been seen
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a response head; got: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            if (head.size() > 64 * 1024) {
                throw new IOException("response head over 64 KiB");
            }
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> state;
            };
        }
        return ResponseHead.parse(head.toString(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads a head and its body, framed by {@code Content-Length}, chunked coding, or the end
     * of the connection; 1xx, 204 and 304 responses have no body.
     */
    public Response readResponse() throws IOException {
        ResponseHead head = readHead();
        return new Response(head, readBody(head));
    }

    /** Reads the body that {@code head} announces. */
    public byte[] readBody(ResponseHead head) throws IOException {
        int s = head.status();
        if (s / 100 == 1 || s == 204 || s == 304) {
            return new byte[0];
        }
        String te = head.field("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
        if (te.contains("chunked")) {
            return readChunked();
        }
        String cl = head.field("Content-Length").orElse(null);
        if (cl != null) {
            return readBytes(Integer.parseInt(cl.trim()));
        }
        return readToEnd();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(readBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a line");
            }
            if (prev == '\r' && b == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) b);
            prev = b;
        }
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] readBytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("expected " + n + " bytes but the connection ended after " + b.length);
        }
        return b;
    }

    /** Reads exactly {@code n} bytes as ISO-8859-1 text. */
    public String readString(int n) throws IOException {
        return new String(readBytes(n), StandardCharsets.ISO_8859_1);
    }

    /** Reads until the server closes the connection. */
    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /**
     * Whether the server has closed the connection: true on end of stream or reset, false if
     * a byte arrives (which is consumed) or nothing arrives within {@code wait}.
     */
    public boolean isClosedByPeer(Duration wait) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(old);
            }
        }
    }

    /** The input stream, positioned after whatever has been read. */
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

    /** A response head with its body. */
    public record Response(ResponseHead head, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public int status() {
            return head.status();
        }
    }
}
