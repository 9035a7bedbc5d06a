package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;

/**
 * The handshake with a backend, on the request thread: connect (bounded by the connect
 * timeout), send the request, read the response head (bounded in size, and in time by the
 * response timeout). Every failure is an {@link HttpStatusException}: 504 when the backend
 * does not answer in time, 502 for everything else. After a 101 the connection is handed to
 * the relay; after anything else, {@link #body()} streams the rest of the response.
 *
 * <p>Not thread-safe: owned by one request thread until handed over.
 */
final class BackendConnection implements AutoCloseable {

    /** Interim responses (100, 102, 103) skipped before the final one; more is a broken backend. */
    private static final int MAX_INTERIM_RESPONSES = 8;

    private final String name;
    private final Transport transport;
    private final int maxHeadSize;
    private byte[] buffer;
    private int filled;
    private int headEnd;

    private BackendConnection(String name, Transport transport, int maxHeadSize) {
        this.name = name;
        this.transport = transport;
        this.maxHeadSize = maxHeadSize;
        this.buffer = new byte[Math.min(maxHeadSize, 4096)];
    }

    /**
     * Connects to {@code host:port}, with TLS when {@code tls} is given.
     *
     * @throws HttpStatusException 504 if the connection is not made within {@code connectTimeout},
     *     502 if the backend is unreachable or the TLS handshake fails
     */
    static BackendConnection open(String host, int port, SSLContext tls, Duration connectTimeout,
            Duration responseTimeout, int maxHeadSize) {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            channel.socket().setSoTimeout(timeoutMillis(responseTimeout));
            Transport transport = tls == null ? new PlainTransport(channel)
                    : TlsTransport.handshake(channel, tls, host, port);
            return new BackendConnection(name, transport, maxHeadSize);
        } catch (SocketTimeoutException e) {
            close(channel);
            throw new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "connect-timeout",
                    "Backend " + name + " did not accept a connection within " + connectTimeout.toMillis() + " ms");
        } catch (SSLException e) {
            close(channel);
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "tls-failed",
                    "TLS handshake with backend " + name + " failed: " + OneLine.of(e.getMessage()));
        } catch (UnknownHostException | UnresolvedAddressException e) {
            close(channel);
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable", "Backend host " + OneLine.of(host)
                    + " cannot be resolved");
        } catch (ConnectException | NoRouteToHostException e) {
            close(channel);
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable",
                    "Backend " + name + " is unreachable: " + OneLine.of(e.getMessage()));
        } catch (IOException e) {
            close(channel);
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable",
                    "Cannot connect to backend " + name + ": " + OneLine.of(String.valueOf(e.getMessage())));
        }
    }

    /** Sends the request head and content. */
    void send(byte[] head, byte[] content) {
        try {
            transport.writeBlocking(ByteBuffer.wrap(head));
            if (content.length > 0) {
                transport.writeBlocking(ByteBuffer.wrap(content));
            }
        } catch (IOException e) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response",
                    "Backend " + name + " closed the connection while the request was sent");
        }
    }

    /**
     * Reads the final response head, skipping interim responses other than 101.
     *
     * @throws HttpStatusException 504 if it does not arrive within the response timeout, 502 if
     *     it is malformed, larger than the limit, or the backend closes first
     */
    BackendResponse readHead() {
        for (int i = 0; i <= MAX_INTERIM_RESPONSES; i++) {
            BackendResponse response = readOneHead();
            if (!response.isInterim()) {
                return response;
            }
        }
        throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-response",
                "Backend " + name + " sent more than " + MAX_INTERIM_RESPONSES + " interim responses");
    }

    private BackendResponse readOneHead() {
        // Drop the previous (interim) head, keep what followed it.
        System.arraycopy(buffer, headEnd, buffer, 0, filled - headEnd);
        filled -= headEnd;
        headEnd = 0;
        int searched = 0;
        while (true) {
            int end = ResponseHeadParser.endOfHead(buffer, searched, filled);
            if (end > 0) {
                headEnd = end;
                return ResponseHeadParser.parse(buffer, end);
            }
            searched = Math.max(0, filled - 2);
            if (filled == maxHeadSize) {
                throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "head-too-large",
                        "Backend " + name + " sent a response head larger than " + maxHeadSize + " bytes");
            }
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxHeadSize, buffer.length * 2));
            }
            int n;
            try {
                n = transport.readBlocking(buffer, filled, buffer.length - filled);
            } catch (SocketTimeoutException e) {
                throw new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "response-timeout", "Backend " + name
                        + (filled == 0 ? " sent no response in time" : " did not finish its response head in time"));
            } catch (IOException e) {
                throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response", "Backend " + name
                        + " failed while sending its response head: " + OneLine.of(String.valueOf(e.getMessage())));
            }
            if (n < 0) {
                throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response", "Backend " + name
                        + (filled == 0 ? " closed the connection without a response"
                                : " closed the connection inside its response head"));
            }
            filled += n;
        }
    }

    /** Bytes the backend sent after the head just read (the first bytes of the new protocol after a 101). */
    byte[] afterHead() {
        return Arrays.copyOfRange(buffer, headEnd, filled);
    }

    /** The rest of the response after its head, for relaying a response that does not switch. */
    InputStream body() {
        byte[] early = afterHead();
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos < early.length) {
                    int n = Math.min(len, early.length - pos);
                    System.arraycopy(early, pos, b, off, n);
                    pos += n;
                    return n;
                }
                return transport.readBlocking(b, off, len);
            }
        };
    }

    /** Hands the connection to the relay: from now on the caller owns it. */
    Transport detach() throws IOException {
        transport.configureNonBlocking();
        return transport;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        transport.close();
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
