package dev.switchboard.proxy.smuggling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The client of a generated exchange: sends the request (in one or two writes), ends its
 * output, and reads everything the gateway sends until it closes. Nothing for
 * {@link #HANG_MILLIS} is a hang: the gateway must have answered or closed by then, whatever
 * the backend did, because every wait of the tunnel's handshake is bounded.
 */
final class GeneratedClient {

    /** How long the client waits for a byte or the end before it records a hang. */
    static final int HANG_MILLIS = 10_000;

    /** What the client received, and whether it gave up waiting. */
    record Received(String text, boolean hung, long millis) {
    }

    private GeneratedClient() {
    }

    static Received run(Exchange exchange, InetSocketAddress gateway) throws IOException {
        byte[] request = exchange.request(gateway.getHostString() + ":" + gateway.getPort());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean hung = false;
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(gateway, HANG_MILLIS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANG_MILLIS);
            OutputStream out = socket.getOutputStream();
            int split = Math.min(exchange.split(), request.length);
            try {
                out.write(request, 0, split);
                out.flush();
                out.write(request, split, request.length - split);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the gateway refused and closed before taking everything: what it answered still counts
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                hung = true;
            } catch (IOException e) {
                // reset: what came before it is the answer
            }
        }
        return new Received(got.toString(StandardCharsets.ISO_8859_1), hung, (System.nanoTime() - start) / 1_000_000);
    }
}
