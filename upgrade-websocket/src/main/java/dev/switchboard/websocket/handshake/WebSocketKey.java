package dev.switchboard.websocket.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;

/**
 * A valid {@code Sec-WebSocket-Key}: present exactly once, and the canonical base64 of exactly
 * 16 bytes (RFC 6455 section 4.1 item 7), and the {@code Sec-WebSocket-Accept} that answers it
 * (section 4.2.2 item 5.4).
 *
 * <pre>
 * Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==   -&gt;   Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
 * </pre>
 *
 * Immutable.
 */
public final class WebSocketKey {

    /** Characters of base64 for {@link WebSocketSpec#KEY_BYTES} bytes, padding included. */
    private static final int ENCODED_LENGTH = 24;

    private final String value;

    private WebSocketKey(String value) {
        this.value = value;
    }

    /**
     * Checks the key field lines of a handshake.
     *
     * @throws HttpStatusException (400) if the field is missing, repeated, or not the canonical
     *     base64 of 16 bytes
     */
    public static WebSocketKey parse(List<String> fieldLines) {
        if (fieldLines.isEmpty()) {
            throw invalid("the field is missing");
        }
        if (fieldLines.size() > 1) {
            throw invalid("expected one field line but was " + fieldLines.size());
        }
        return parse(fieldLines.get(0));
    }

    /**
     * Checks one key value.
     *
     * @throws HttpStatusException (400) if it is not the canonical base64 of 16 bytes
     */
    public static WebSocketKey parse(String value) {
        String key = value == null ? "" : value.strip();
        if (key.length() != ENCODED_LENGTH) {
            throw invalid("expected " + ENCODED_LENGTH + " base64 characters but was " + key.length()
                    + " (\"" + OneLine.of(key) + "\")");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw invalid("\"" + OneLine.of(key) + "\" is not base64");
        }
        if (decoded.length != WebSocketSpec.KEY_BYTES) {
            throw invalid("expected base64 of " + WebSocketSpec.KEY_BYTES + " bytes but it decodes to "
                    + decoded.length);
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(key)) {
            throw invalid("\"" + OneLine.of(key) + "\" is not canonical base64 (non-zero padding bits)");
        }
        return new WebSocketKey(key);
    }

    /** The key as the client sent it. */
    public String value() {
        return value;
    }

    /** {@code base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))}, the value of {@code Sec-WebSocket-Accept}. */
    public String accept() {
        return accept(value);
    }

    /** The {@code Sec-WebSocket-Accept} for any key text, valid or not. */
    public static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(key.getBytes(StandardCharsets.ISO_8859_1));
            sha1.update(WebSocketSpec.ACCEPT_GUID.getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    private static HttpStatusException invalid(String problem) {
        return new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                "Invalid " + WebSocketSpec.SEC_WEBSOCKET_KEY + " field: " + problem);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebSocketKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
