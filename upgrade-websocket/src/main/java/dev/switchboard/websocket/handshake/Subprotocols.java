package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.FieldReader;

/**
 * The value of {@code Sec-WebSocket-Protocol} in a client's handshake: the subprotocols it
 * offers, most preferred first (RFC 6455 section 4.1 item 10, section 11.3.4).
 *
 * <pre>
 * Sec-WebSocket-Protocol: chat.v2, chat.v1   -&gt; [chat.v2, chat.v1]
 * </pre>
 *
 * <p>The grammar is {@code 1#token}; every element must be unique, and elements compare
 * exactly (case-sensitively). Several field lines combine in order. Immutable and
 * thread-safe.
 */
public final class Subprotocols {

    private static final Subprotocols NONE = new Subprotocols(List.of());

    private final List<String> offered;

    private Subprotocols(List<String> offered) {
        this.offered = offered;
    }

    /** No offer, as for a handshake without the field. */
    public static Subprotocols none() {
        return NONE;
    }

    /**
     * Parses all field lines of a handshake, combined in order; no lines means no offer.
     *
     * @throws FieldSyntaxException (400) if an element is not a token, an element repeats, or
     *     the lines hold no element
     */
    public static Subprotocols parse(List<String> fieldLines) {
        if (fieldLines.isEmpty()) {
            return NONE;
        }
        List<String> parsed = FieldReader.parseList(WebSocketSpec.SEC_WEBSOCKET_PROTOCOL, fieldLines, true,
                FieldReader::token);
        Set<String> seen = new HashSet<>();
        for (String p : parsed) {
            if (!seen.add(p)) {
                throw new FieldSyntaxException(WebSocketSpec.SEC_WEBSOCKET_PROTOCOL,
                        "subprotocol \"" + OneLine.of(p) + "\" is offered twice");
            }
        }
        return new Subprotocols(parsed);
    }

    /** Parses one field value; see {@link #parse(List)}. */
    public static Subprotocols parse(String value) {
        return parse(List.of(value));
    }

    /**
     * An offer of the given subprotocols, in order.
     *
     * @throws IllegalArgumentException if one is not a token or repeats
     */
    public static Subprotocols of(String... subprotocols) {
        List<String> list = new ArrayList<>(subprotocols.length);
        for (String s : subprotocols) {
            if (!FieldReader.isToken(s)) {
                throw new IllegalArgumentException("expected a token for a subprotocol but was \"" + OneLine.of(s) + "\"");
            }
            if (list.contains(s)) {
                throw new IllegalArgumentException("subprotocol " + s + " given twice");
            }
            list.add(s);
        }
        return list.isEmpty() ? NONE : new Subprotocols(Collections.unmodifiableList(list));
    }

    /** The offered subprotocols in the client's order; empty when none was offered. */
    public List<String> offered() {
        return offered;
    }

    public boolean isEmpty() {
        return offered.isEmpty();
    }

    /** Whether {@code subprotocol} is offered, compared exactly. */
    public boolean contains(String subprotocol) {
        return offered.contains(subprotocol);
    }

    /** The offer as one field line: {@code chat.v2, chat.v1}. */
    public String toHeaderValue() {
        return String.join(", ", offered);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subprotocols other && offered.equals(other.offered);
    }

    @Override
    public int hashCode() {
        return offered.hashCode();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
