package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import dev.switchboard.http.HeadLimits;
import dev.switchboard.http.HeadReader;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.StatusLine;
import dev.switchboard.http.WireFormatException;

/**
 * The exchange with a backend before the switch, on the request thread: connect (bounded by
 * the connect timeout), then the TLS handshake, the request, the response head and, for an
 * answer other than 101, its body, all within one {@link Deadline} of the response timeout
 * from the moment the connection is made (PRX-09). When the deadline passes, the connection is
 * closed under whatever call is blocked, read or write. Every failure is an
 * {@link HttpStatusException}: 504 when the backend does not connect or answer in time, 502 for
 * everything else. After a 101 the connection is handed to the relay
 * ({@link #finishExchange()}, then {@link #detach()}); after anything else, {@link #readBody}
 * streams the rest of the response until {@link #close()}.
 *
 * <p>Not thread-safe: owned by one request thread until handed over; only the deadline acts
 * from another thread, and only by closing the connection.
 */
final class BackendConnection implements AutoCloseable {

    /** Interim responses (100, 102, 103) skipped before the final one; more is a broken backend. */
    private static final int MAX_INTERIM_RESPONSES = 8;

    private static final int READ_BUFFER_SIZE = 4096;

    private final String name;
    private final Transport transport;
    private final Deadline deadline;
    private final HeadLimits headLimits;
    /** What the backend sent and the head reader has not consumed yet, from position to limit. */
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_SIZE).flip();
    private HeadReader<StatusLine> reader;

    /** A connection over a transport that is already open, its deadline already running; {@link #open} makes one. */
    BackendConnection(String name, Transport transport, Deadline deadline, int maxHeadSize) {
        this.name = name;
        this.transport = transport;
        this.deadline = deadline;
        // The head is bounded by its size alone: no line or field count is smaller than it.
        this.headLimits = new HeadLimits(maxHeadSize, maxHeadSize, maxHeadSize);
    }

    /**
     * Connects to {@code host:port}, with TLS when {@code tls} is given, and starts the
     * deadline of the exchange: {@code responseTimeout} from the moment the connection is made.
     *
     * @param scheduler runs the deadline
     * @throws HttpStatusException 504 if the connection is not made within {@code connectTimeout}
     *     or the TLS handshake does not end within {@code responseTimeout}, 502 if the backend is
     *     unreachable or the TLS handshake fails
     */
    static BackendConnection open(String host, int port, SSLContext tls, Duration connectTimeout,
            Duration responseTimeout, ScheduledExecutorService scheduler, int maxHeadSize) {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        SocketChannel channel = null;
        Deadline deadline = null;
        try {
            channel = SocketChannel.open();
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            SocketChannel connected = channel;
            deadline = Deadline.start(responseTimeout, scheduler, () -> close(connected));
            Transport transport = tls == null ? new PlainTransport(channel)
                    : TlsTransport.handshake(channel, tls, host, port);
            return new BackendConnection(name, transport, deadline, maxHeadSize);
        } catch (IOException | UnresolvedAddressException e) {
            close(channel);
            if (deadline == null) {
                throw connectFailure(e, name, host, connectTimeout);
            }
            if (!deadline.stop()) {
                throw new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "response-timeout", "Backend " + name
                        + " did not complete the TLS handshake within " + deadline.millis() + " ms");
            }
            if (e instanceof SSLException) {
                throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "tls-failed",
                        "TLS handshake with backend " + name + " failed: " + OneLine.of(e.getMessage()));
            }
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "tls-failed", "Backend " + name
                    + " failed during the TLS handshake: " + OneLine.of(String.valueOf(e.getMessage())));
        }
    }

    /** The answer for a connection that could not be made. */
    private static TunnelFailure connectFailure(Exception e, String name, String host, Duration connectTimeout) {
        if (e instanceof SocketTimeoutException) {
            return new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "connect-timeout",
                    "Backend " + name + " did not accept a connection within " + connectTimeout.toMillis() + " ms");
        }
        if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
            return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable", "Backend host " + OneLine.of(host)
                    + " cannot be resolved");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable",
                    "Backend " + name + " is unreachable: " + OneLine.of(e.getMessage()));
        }
        return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "unreachable",
                "Cannot connect to backend " + name + ": " + OneLine.of(String.valueOf(e.getMessage())));
    }

    /**
     * Sends the request head and content.
     *
     * @throws HttpStatusException 504 if the backend has not taken it all when the deadline
     *     passes, 502 if it closes the connection first
     */
    void send(byte[] head, byte[] content) {
        try {
            transport.writeBlocking(ByteBuffer.wrap(head));
            if (content.length > 0) {
                transport.writeBlocking(ByteBuffer.wrap(content));
            }
        } catch (IOException e) {
            if (deadline.passed()) {
                throw new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "send-timeout",
                        "Backend " + name + " did not read the request within " + deadline.millis() + " ms");
            }
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response",
                    "Backend " + name + " closed the connection while the request was sent");
        }
    }

    /**
     * Reads the final response head, skipping interim responses other than 101.
     *
     * @throws HttpStatusException 504 if it is not complete when the deadline passes, 502 if it
     *     is malformed, larger than the limit, or the backend closes first
     */
    MessageHead<StatusLine> readHead() {
        for (int i = 0; i <= MAX_INTERIM_RESPONSES; i++) {
            MessageHead<StatusLine> response = readOneHead();
            if (!response.startLine().isInterim()) {
                return response;
            }
        }
        throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-response",
                "Backend " + name + " sent more than " + MAX_INTERIM_RESPONSES + " interim responses");
    }

    private MessageHead<StatusLine> readOneHead() {
        reader = HeadReader.response(headLimits);
        while (true) {
            MessageHead<StatusLine> head;
            try {
                head = reader.read(in);
            } catch (WireFormatException e) {
                if (e.status() != HttpSpec.SC_BAD_REQUEST) {
                    throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "head-too-large", "Backend " + name
                            + " sent a response head larger than " + headLimits.maxHeadSize() + " bytes");
                }
                throw TunnelFailure.badResponse(e.problem());
            }
            if (head != null) {
                HttpVersion version = head.startLine().version();
                if (!version.isAtLeast(HttpVersion.HTTP_1_0)) {
                    throw TunnelFailure.badResponse("expected HTTP/1.x in the status line but was " + version);
                }
                return head;
            }
            fill();
        }
    }

    /** Reads what the backend sent next into {@link #in}, which the head reader has used up. */
    private void fill() {
        int n;
        try {
            n = transport.readBlocking(in.array(), 0, in.capacity());
        } catch (IOException e) {
            if (deadline.passed()) {
                throw headTimeout();
            }
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response", "Backend " + name
                    + " failed while sending its response head: " + OneLine.of(String.valueOf(e.getMessage())));
        }
        if (n < 0 && deadline.passed()) {
            throw headTimeout();
        }
        if (n < 0) {
            throw new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "no-response", "Backend " + name
                    + (reader.isEmpty() ? " closed the connection without a response"
                            : " closed the connection inside its response head"));
        }
        in.position(0).limit(n);
    }

    private TunnelFailure headTimeout() {
        return new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "response-timeout", "Backend " + name
                + (reader == null || reader.isEmpty() ? " sent no response" : " did not finish its response head")
                + " within " + deadline.millis() + " ms");
    }

    /** Bytes the backend sent after the head just read (the first bytes of the new protocol after a 101). */
    byte[] afterHead() {
        byte[] early = new byte[in.remaining()];
        in.duplicate().get(early);
        return early;
    }

    /**
     * Reads the rest of the response after its head, for relaying a response that does not
     * switch: what came with the head first, then from the connection. Reads fail once the
     * deadline has passed; {@link #bodyFailure} says how to report that.
     *
     * @return the number of bytes read, at least 1, or -1 at the end of the stream
     */
    int readBody(byte[] b, int off, int len) throws IOException {
        if (in.hasRemaining()) {
            int n = Math.min(len, in.remaining());
            in.get(b, off, n);
            return n;
        }
        return transport.readBlocking(b, off, len);
    }

    /**
     * The answer for a failure while the body was read and nothing had been sent to the client
     * yet: 504 if the deadline passed, else 502.
     */
    TunnelFailure bodyFailure(IOException e) {
        if (deadline.passed()) {
            return new TunnelFailure(HttpSpec.SC_GATEWAY_TIMEOUT, "response-timeout",
                    "Backend " + name + " did not finish its response within " + deadline.millis() + " ms");
        }
        return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-body", "Backend " + name
                + " failed while sending its response body: " + OneLine.of(String.valueOf(e.getMessage())));
    }

    /**
     * Ends the exchange before the switch: the deadline stops, and from now on only the
     * tunnel's idle timeout applies. Call before the point of no return.
     *
     * @throws HttpStatusException 504 if the deadline passed first (the connection is closed)
     */
    void finishExchange() {
        if (!deadline.stop()) {
            throw headTimeout();
        }
    }

    /** Hands the connection to the relay, after {@link #finishExchange()}: from now on the caller owns it. */
    Transport detach() throws IOException {
        transport.configureNonBlocking();
        return transport;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        deadline.stop();
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
