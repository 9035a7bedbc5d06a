package dev.switchboard.testing.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw TCP backend that a test scripts step by step, from its own thread: accept the
 * tunnel's connection, read exactly the request head it forwarded, answer with any bytes
 * at all (a valid 101, a broken head, nothing), then read, write, half-close or reset.
 * Because the proxy's request thread waits for the backend's answer, one test thread can
 * drive both the client and this backend in turn.
 *
 * <pre>
 * try (BackendPeer peer = backend.accept()) {
 *     String head = peer.readHead();
 *     peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
 * }
 * </pre>
 */
public final class ScriptedBackend implements AutoCloseable {

    private final ServerSocket server;

    private ScriptedBackend(ServerSocket server) {
        this.server = server;
    }

    /** Listens on {@code 127.0.0.1:port} (0 for a free port). */
    public static ScriptedBackend listen(int port) throws IOException {
        return listen(port, 0);
    }

    /**
     * Listens on {@code 127.0.0.1:port} with a receive buffer of about {@code receiveBufferSize}
     * bytes on every connection it accepts (0 for the system's), so that a proxy writing to a
     * backend that reads nothing soon blocks.
     */
    public static ScriptedBackend listen(int port, int receiveBufferSize) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        if (receiveBufferSize > 0) {
            server.setReceiveBufferSize(receiveBufferSize); // before bind: it sets the window offered
        }
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new ScriptedBackend(server);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Accepts the next connection, waiting up to {@link BackendPeer#TIMEOUT}. */
    public BackendPeer accept() throws IOException {
        server.setSoTimeout((int) BackendPeer.TIMEOUT.toMillis());
        return new BackendPeer(server.accept());
    }

    /**
     * Whether a connection arrives within {@code wait}; one that does is closed at once.
     * For asserting that the proxy did not contact this backend.
     */
    public boolean connectionArrives(Duration wait) throws IOException {
        server.setSoTimeout((int) wait.toMillis());
        try (Socket s = server.accept()) {
            return s != null;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
