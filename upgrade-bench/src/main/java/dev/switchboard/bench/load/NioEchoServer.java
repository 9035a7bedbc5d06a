package dev.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The floor for {@code echo/1}: a plain Java NIO server with one thread and one selector that
 * does what an {@code echo/1} server does on the wire and nothing else. It reads a request head
 * to its blank line (without looking at it), answers {@code 101} with {@code Upgrade: echo/1},
 * and from then on writes back every byte it reads, in reads of 16 KiB (Switchboard's default
 * {@code readBufferSize}), waiting for a slow reader rather than queueing.
 */
public final class NioEchoServer implements AutoCloseable {

    /** The name of the server's one thread, for counting its CPU time. */
    public static final String THREAD_NAME = "nio-echo-server";

    private static final byte[] SWITCH = "HTTP/1.1 101 \r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;

    private NioEchoServer(ServerSocketChannel server, Selector selector) {
        this.server = server;
        this.selector = selector;
        this.thread = new Thread(this::loop, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /** Starts the server on a free loopback port. */
    public static NioEchoServer start() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.configureBlocking(false);
        Selector selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        NioEchoServer s = new NioEchoServer(server, selector);
        s.thread.start();
        return s;
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    private void loop() {
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            ((Conn) key.attachment()).step(key);
                        }
                    } catch (IOException e) {
                        key.cancel();
                        key.channel().close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (selector.isOpen()) {
                throw new IllegalStateException("the echo server failed", e);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.socket().setTcpNoDelay(true);
            ch.register(selector, SelectionKey.OP_READ, new Conn());
        }
    }

    /** One connection: reading the head, then echoing through one buffer. */
    private static final class Conn {
        private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        private int matched; // how much of CRLF CRLF the head has ended with so far
        private boolean switched;

        void step(SelectionKey key) throws IOException {
            SocketChannel ch = (SocketChannel) key.channel();
            if (key.isWritable()) {
                ch.write(buffer);
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            int n = ch.read(buffer);
            if (n < 0) {
                key.cancel();
                ch.close();
                return;
            }
            buffer.flip();
            if (!switched) {
                skipHead();
                if (!switched) {
                    buffer.clear();
                    return;
                }
                ByteBuffer response = ByteBuffer.wrap(SWITCH);
                while (response.hasRemaining()) {
                    ch.write(response); // a fresh socket's send buffer takes 60 bytes at once
                }
            }
            ch.write(buffer);
            if (buffer.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                buffer.clear();
            }
        }

        /** Consumes head bytes up to and including its blank line; what follows stays in the buffer. */
        private void skipHead() {
            while (buffer.hasRemaining() && !switched) {
                byte b = buffer.get();
                boolean expected = (matched % 2 == 0) ? b == '\r' : b == '\n';
                matched = expected ? matched + 1 : (b == '\r' ? 1 : 0);
                switched = matched == 4;
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        selector.close();
        server.close();
        thread.join(5000);
    }
}
