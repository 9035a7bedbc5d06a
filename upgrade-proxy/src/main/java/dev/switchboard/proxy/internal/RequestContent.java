package dev.switchboard.proxy.internal;

import java.io.IOException;
import java.io.InputStream;

import dev.switchboard.http.HttpSpec;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads an upgrade request's content whole before anything is forwarded, so that it goes
 * to the backend with a {@code Content-Length} and none of it can be taken for tunnelled
 * bytes (RFC 9110 section 7.8). Content can only be framed by {@code Content-Length} here: a
 * request with {@code Transfer-Encoding} has been refused already (PRX-08), and without either
 * field a request has none (RFC 9112 section 6.3).
 */
final class RequestContent {

    private static final byte[] NONE = new byte[0];

    private RequestContent() {
    }

    /**
     * @throws TunnelFailure 413 if the content exceeds {@code max} bytes, 400 if it ends early
     */
    static byte[] read(HttpServletRequest request, int max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared <= 0) {
            return NONE;
        }
        if (declared > max) {
            throw tooLarge(max);
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(max + 1);
        }
        if (content.length > max) {
            throw tooLarge(max);
        }
        if (content.length != declared) {
            throw new TunnelFailure(HttpSpec.SC_BAD_REQUEST, "bad-request",
                    "Request content ended after " + content.length + " of " + declared + " bytes");
        }
        return content;
    }

    private static TunnelFailure tooLarge(int max) {
        return new TunnelFailure(HttpSpec.SC_CONTENT_TOO_LARGE, "content-too-large",
                "Upgrade request content exceeds the limit of " + max + " bytes");
    }
}
