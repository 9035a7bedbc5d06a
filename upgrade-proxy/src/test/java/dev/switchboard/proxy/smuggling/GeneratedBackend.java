package dev.switchboard.proxy.smuggling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend of the generated exchanges: a raw TCP server that reads each forwarded request
 * head, finds its exchange by the number in its path ({@code /x/<id>}), reads exactly the
 * content its {@code Content-Length} declares, then plays that exchange's {@link BackendAnswer}
 * and records everything that arrives after the content: the bytes a tunnel carried after a
 * switch, or bytes that should never have come. A connection the tunnel does not close within
 * {@link #HANG_MILLIS} is recorded as a hang.
 */
final class GeneratedBackend implements AutoCloseable {

    /** How long the backend waits on the tunnel before it records a hang. */
    static final int HANG_MILLIS = 15_000;

    /** Bytes a backend sends after an answer that must never reach a client unless it switched. */
    static String rawMarker(long id) {
        return "BACKEND-RAW-" + id;
    }

    /** What one exchange's backend connection saw. */
    record Seen(String head, byte[] after, String problem) {
    }

    private static final Pattern ID = Pattern.compile("^[A-Z]+ \\S*/x/(\\d+)[ ?]");
    private static final Pattern LENGTH = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)\\s*$");

    private final ServerSocket server;
    private final Map<Long, Exchange> exchanges;
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "generated-backend");
        t.setDaemon(true);
        return t;
    });

    GeneratedBackend(Map<Long, Exchange> exchanges) throws IOException {
        this.exchanges = exchanges;
        server = new ServerSocket();
        server.setReceiveBufferSize(4096); // a backend that stops reading soon fills its window
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** What the backend saw of exchange {@code id}, or null if the tunnel never forwarded it. */
    Seen seen(long id) {
        return seen.get(id);
    }

    /**
     * Waits until every connection accepted so far has ended, at most {@code millis}.
     *
     * @return false if some are still open
     */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (active.get() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        return active.get() == 0;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                active.incrementAndGet();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        long id = -1;
        String head = "";
        try (socket) {
            socket.setSoTimeout(HANG_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            head = readHead(in);
            Matcher m = ID.matcher(head);
            if (!m.find()) {
                seen.put(-1L, new Seen(head, new byte[0], "a request for no exchange: " + head.lines().findFirst()));
                return;
            }
            id = Long.parseLong(m.group(1));
            Exchange exchange = exchanges.get(id);
            Matcher length = LENGTH.matcher(head);
            int content = length.find() ? Integer.parseInt(length.group(1)) : 0;
            byte[] after = play(exchange, socket, in, content);
            seen.put(id, new Seen(head, after, null));
        } catch (SocketTimeoutException e) {
            seen.put(id, new Seen(head, new byte[0], "the tunnel held the backend connection open past "
                    + HANG_MILLIS + " ms"));
        } catch (IOException e) {
            seen.putIfAbsent(id, new Seen(head, new byte[0], null)); // the tunnel reset it: nothing more arrived
        } finally {
            active.decrementAndGet();
        }
    }

    /** Plays the answer and returns what arrived after the request's content. */
    private static byte[] play(Exchange exchange, Socket socket, InputStream in, int content) throws IOException {
        BackendAnswer answer = exchange.answer();
        OutputStream out = socket.getOutputStream();
        byte[] bytes = answer.bytes().getBytes(StandardCharsets.ISO_8859_1);
        byte[] marker = rawMarker(exchange.id()).getBytes(StandardCharsets.ISO_8859_1);
        if (answer.kind() == BackendAnswer.Kind.NEVER_READS) {
            sleep(exchange.deadlineMillis() + 1500);
            return skip(readToEnd(in), content);
        }
        if (in.readNBytes(content).length < content) {
            return new byte[0];
        }
        try {
            switch (answer.kind()) {
                case VALID_SWITCH, INVALID, FRAMED -> {
                    out.write(bytes);
                    out.write(marker);
                    out.flush();
                }
                case UNFRAMED, TRUNCATED -> {
                    out.write(bytes);
                    out.flush();
                    socket.shutdownOutput();
                }
                case RESET -> {
                    out.write(bytes);
                    out.flush();
                    socket.setSoLinger(true, 0);
                    socket.close();
                    return new byte[0];
                }
                case STALL -> {
                    out.write(bytes);
                    out.flush();
                }
                case TRICKLE -> {
                    for (byte b : bytes) {
                        out.write(b);
                        out.flush();
                        sleep(200);
                    }
                }
                case STREAM -> {
                    out.write(bytes);
                    long end = System.currentTimeMillis() + HANG_MILLIS;
                    while (System.currentTimeMillis() < end) {
                        out.write("6\r\nevent\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        sleep(100);
                    }
                    throw new SocketTimeoutException("a streamed answer was never cut");
                }
                default -> throw new IllegalStateException(answer.kind().toString());
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // the tunnel closed the connection while the backend wrote: what it read still counts
        }
        return readToEnd(in);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
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
            // reset: what came before it is what arrived
        }
        return got.toByteArray();
    }

    private static byte[] skip(byte[] bytes, int n) {
        return bytes.length <= n ? new byte[0] : java.util.Arrays.copyOfRange(bytes, n, bytes.length);
    }

    /** Reads up to and including the empty line that ends a head. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside a request head");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
