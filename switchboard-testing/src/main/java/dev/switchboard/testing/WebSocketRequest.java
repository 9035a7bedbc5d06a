package dev.switchboard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact text of a WebSocket opening handshake, for raw-socket tests. It starts valid (the
 * sample key of RFC 6455 section 1.3, version 13) and each method changes one thing, so that a
 * test reads as the one defect it sends.
 *
 * <pre>
 * c.send(WebSocketRequest.to(server, "p/echo").set("Sec-WebSocket-Version", "8").text());
 * </pre>
 *
 * Fields are written in the order added; a field may be given several lines.
 */
public final class WebSocketRequest {

    /** The sample key of RFC 6455 section 1.3. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    /** The accept value for {@link #KEY}, as given in RFC 6455 section 1.3. */
    public static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private String method = "GET";
    private final String target;
    private String version = "HTTP/1.1";
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private String content = "";

    private WebSocketRequest(String target) {
        this.target = target;
    }

    /** A valid handshake for {@code relative} under the application. */
    public static WebSocketRequest to(ServerUnderTest server, String relative) {
        return new WebSocketRequest(server.path(relative))
                .field("Host", server.host())
                .field("Upgrade", "websocket")
                .field("Connection", "Upgrade")
                .field("Sec-WebSocket-Key", KEY)
                .field("Sec-WebSocket-Version", "13");
    }

    public WebSocketRequest method(String m) {
        this.method = m;
        return this;
    }

    /** The version in the request line, such as {@code HTTP/1.0}. */
    public WebSocketRequest version(String v) {
        this.version = v;
        return this;
    }

    /** Adds one field line. */
    public WebSocketRequest field(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Removes every line of a field. */
    public WebSocketRequest without(String name) {
        fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
        return this;
    }

    /** Replaces every line of a field, in place, with one. */
    public WebSocketRequest set(String name, String value) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getKey().equalsIgnoreCase(name)) {
                fields.set(i, Map.entry(name, value));
                fields.subList(i + 1, fields.size()).removeIf(f -> f.getKey().equalsIgnoreCase(name));
                return this;
            }
        }
        return field(name, value);
    }

    /** Adds a body with its {@code Content-Length}. */
    public WebSocketRequest content(String body) {
        this.content = body;
        return field("Content-Length", Integer.toString(body.length()));
    }

    /** Adds bytes after the head as they are, framed by fields the caller sets (such as chunked coding). */
    public WebSocketRequest rawContent(String body) {
        this.content = body;
        return this;
    }

    /** The value of the first {@code Host} line, as {@link #to} set it. */
    public String host() {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase("Host")) {
                return f.getValue();
            }
        }
        return null;
    }

    /** The request as sent: request line, fields, empty line, content. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        for (Map.Entry<String, String> f : fields) {
            out.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
        }
        return out.append("\r\n").append(content).toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
