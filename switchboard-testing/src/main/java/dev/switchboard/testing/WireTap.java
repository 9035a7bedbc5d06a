package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback relay that records what clients send before it reaches a server: a client is
 * pointed at {@link #port()}, each of its connections is relayed byte for byte to the target,
 * and the first bytes each side sent are kept, so that a test can show what an independent
 * client really put on the wire (its upgrade request, before TLS) and what it got back. One thread per direction per
 * connection: test use only. Closing stops accepting and closes every relayed connection.
 */
public final class WireTap implements AutoCloseable {

    private static final int KEPT = 8 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final List<ByteArrayOutputStream> sent = new CopyOnWriteArrayList<>();
    private final List<ByteArrayOutputStream> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private WireTap(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "wire-tap-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts relaying to {@code 127.0.0.1:targetPort}. */
    public static WireTap to(int targetPort) throws IOException {
        return new WireTap(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The first request head each connection sent (up to its empty line), in the order they connected. */
    public List<String> requestHeads() {
        return heads(sent);
    }

    /** The first response head each connection received (up to its empty line), in the order they connected. */
    public List<String> responseHeads() {
        return heads(received);
    }

    private static List<String> heads(List<ByteArrayOutputStream> records) {
        return records.stream().map(b -> {
            String text;
            synchronized (b) {
                text = b.toString(StandardCharsets.ISO_8859_1);
            }
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end + 4);
        }).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream in = new ByteArrayOutputStream();
                sent.add(out);
                received.add(in);
                pump(client.getInputStream(), target.getOutputStream(), out, target);
                pump(target.getInputStream(), client.getOutputStream(), in, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream record, Socket peer) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (record != null) {
                        synchronized (record) {
                            record.write(buffer, 0, Math.max(0, Math.min(n, KEPT - record.size())));
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                peer.shutdownOutput();
            } catch (IOException e) {
                try {
                    peer.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "wire-tap-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
