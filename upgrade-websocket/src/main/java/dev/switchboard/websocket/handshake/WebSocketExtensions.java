package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.FieldReader;

/**
 * The value of {@code Sec-WebSocket-Extensions}: in a client's handshake, the extensions it
 * offers in order of preference, the same extension possibly several times with different
 * parameters; in a 101, the extensions accepted (RFC 6455 sections 9.1 and 11.3.2).
 *
 * <pre>
 * Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, permessage-deflate
 * </pre>
 *
 * <p>The grammar is {@code 1#extension}; several field lines combine in order, and quoted
 * parameter values are read as quoted strings (so a comma or semicolon inside quotes does not
 * split anything). Immutable and thread-safe.
 */
public final class WebSocketExtensions {

    private static final WebSocketExtensions NONE = new WebSocketExtensions(List.of());

    private final List<WebSocketExtension> extensions;

    private WebSocketExtensions(List<WebSocketExtension> extensions) {
        this.extensions = extensions;
    }

    /** No extension, as for a handshake without the field. */
    public static WebSocketExtensions none() {
        return NONE;
    }

    /**
     * Parses all field lines of a message, combined in order; no lines means no extension.
     *
     * @throws FieldSyntaxException (400) if a line is malformed or the lines hold no extension
     */
    public static WebSocketExtensions parse(List<String> fieldLines) {
        if (fieldLines.isEmpty()) {
            return NONE;
        }
        return new WebSocketExtensions(FieldReader.parseList(WebSocketSpec.SEC_WEBSOCKET_EXTENSIONS, fieldLines,
                true, WebSocketExtension::read));
    }

    /** Parses one field value; see {@link #parse(List)}. */
    public static WebSocketExtensions parse(String value) {
        return parse(List.of(value));
    }

    /** A list of the given extensions, in order. */
    public static WebSocketExtensions of(List<WebSocketExtension> extensions) {
        return extensions.isEmpty() ? NONE
                : new WebSocketExtensions(Collections.unmodifiableList(new ArrayList<>(extensions)));
    }

    /** A list of the given extensions, in order. */
    public static WebSocketExtensions of(WebSocketExtension... extensions) {
        return of(List.of(extensions));
    }

    /** The extensions in field order; empty when there is none. */
    public List<WebSocketExtension> list() {
        return extensions;
    }

    public boolean isEmpty() {
        return extensions.isEmpty();
    }

    /** The elements named {@code name} (compared exactly), in field order: a client's offers of one extension. */
    public List<WebSocketExtension> named(String name) {
        List<WebSocketExtension> out = new ArrayList<>(2);
        for (WebSocketExtension e : extensions) {
            if (e.name().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The list as one field line: {@code permessage-deflate; client_max_window_bits, x-other}. */
    public String toHeaderValue() {
        StringJoiner out = new StringJoiner(", ");
        for (WebSocketExtension e : extensions) {
            out.add(e.toHeaderValue());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebSocketExtensions other && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return extensions.hashCode();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
