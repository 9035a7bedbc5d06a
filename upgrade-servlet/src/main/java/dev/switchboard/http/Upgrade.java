package dev.switchboard.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;


/**
 * The value of the {@code Upgrade} field: {@code Upgrade = 1#protocol} (RFC 9110 section 7.8).
 *
 * <p>In a request the list is the client's preference, most preferred first. In a 101 it
 * names the protocols switched to, in layer-ascending order ({@code TLS/1.2, HTTP/1.1}).
 * Several field lines combine in order; optional whitespace and empty elements are
 * accepted. Immutable and thread-safe.
 *
 * <pre>
 * Upgrade: foo/2, echo/1      -&gt; [foo/2, echo/1]
 * Upgrade: ,websocket ,       -&gt; [websocket]
 * </pre>
 */
public final class Upgrade {

    private final List<ProtocolToken> protocols;

    private Upgrade(List<ProtocolToken> protocols) {
        this.protocols = protocols;
    }

    /**
     * Parses one field value.
     *
     * @throws FieldSyntaxException (400) if the value is not a non-empty list of protocols
     */
    public static Upgrade parse(String value) {
        return parse(List.of(value));
    }

    /**
     * Parses all field lines of a message, combined in order.
     *
     * @throws FieldSyntaxException (400) if a line is malformed or the lines hold no protocol
     */
    public static Upgrade parse(Iterable<String> fieldLines) {
        return new Upgrade(FieldReader.parseList(HttpSpec.UPGRADE, fieldLines, true, ProtocolToken::read));
    }

    /**
     * An {@code Upgrade} value naming the given protocols, in the order given.
     *
     * @throws IllegalArgumentException if no protocol is given
     */
    public static Upgrade of(ProtocolToken... protocols) {
        return of(Arrays.asList(protocols));
    }

    /**
     * An {@code Upgrade} value naming the given protocols, in the order given.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public static Upgrade of(List<ProtocolToken> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("expected at least one protocol but the list was empty");
        }
        return new Upgrade(Collections.unmodifiableList(new ArrayList<>(protocols)));
    }

    /** The protocols in field order; never empty. */
    public List<ProtocolToken> protocols() {
        return protocols;
    }

    /** Whether the list holds a token that {@link ProtocolToken#matches matches} {@code token}. */
    public boolean offers(ProtocolToken token) {
        for (ProtocolToken p : protocols) {
            if (p.matches(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list holds a protocol named {@code name} (case-insensitive), of any version. */
    public boolean offersName(String name) {
        for (ProtocolToken p : protocols) {
            if (p.hasName(name)) {
                return true;
            }
        }
        return false;
    }

    /** The value as one field line: {@code foo/2, echo/1}. */
    public String toHeaderValue() {
        StringJoiner out = new StringJoiner(", ");
        for (ProtocolToken p : protocols) {
            out.add(p.toString());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Upgrade other && protocols.equals(other.protocols);
    }

    @Override
    public int hashCode() {
        return protocols.hashCode();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
