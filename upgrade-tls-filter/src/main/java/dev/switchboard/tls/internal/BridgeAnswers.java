package dev.switchboard.tls.internal;

import java.nio.charset.StandardCharsets;

import dev.switchboard.http.HttpStatusException;

/**
 * The few responses an RFC 2817 connection writes itself, over TLS, instead of the
 * container: a refused request, or an application that cannot be reached. Each closes the
 * connection.
 */
final class BridgeAnswers {

    private BridgeAnswers() {
    }

    /** A complete HTTP/1.1 response: status, {@code Connection: close}, the one-line reason as plain text. */
    static byte[] response(HttpStatusException e) {
        byte[] body = (e.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + e.status() + " " + reasonPhrase(e.status()) + "\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
