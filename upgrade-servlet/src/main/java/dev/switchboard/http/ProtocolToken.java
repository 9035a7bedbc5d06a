package dev.switchboard.http;

import java.util.Locale;
import java.util.Optional;


/**
 * One element of an {@code Upgrade} field: {@code protocol-name ["/" protocol-version]},
 * each part a token (RFC 9110 section 7.8).
 *
 * <p>Names compare case-insensitively and versions exactly, so {@code WebSocket} equals
 * {@code websocket} but {@code foo/2} never equals {@code foo/1}, and {@code foo} (no
 * version) equals neither. The spelling given is kept for output. Immutable.
 */
public final class ProtocolToken {

    private final String name;
    private final String version;
    private final String key;

    private ProtocolToken(String name, String version) {
        this.name = name;
        this.version = version;
        String lower = name.toLowerCase(Locale.ROOT);
        this.key = version == null ? lower : lower + '/' + version;
    }

    /**
     * A token without a version.
     *
     * @throws IllegalArgumentException if {@code name} is not a token
     */
    public static ProtocolToken of(String name) {
        requireToken("protocol name", name);
        return new ProtocolToken(name, null);
    }

    /**
     * A token with a version.
     *
     * @throws IllegalArgumentException if {@code name} or {@code version} is not a token
     */
    public static ProtocolToken of(String name, String version) {
        requireToken("protocol name", name);
        requireToken("protocol version", version);
        return new ProtocolToken(name, version);
    }

    /**
     * Parses {@code name} or {@code name/version}; surrounding whitespace is not allowed.
     *
     * @throws FieldSyntaxException (400) naming the {@code Upgrade} field if the text is not a protocol
     */
    public static ProtocolToken parse(String text) {
        FieldReader reader = new FieldReader(HttpSpec.UPGRADE, text);
        ProtocolToken token = read(reader);
        if (!reader.atEnd()) {
            throw reader.error("end of protocol");
        }
        return token;
    }

    /** Reads one protocol at the reader's cursor. */
    static ProtocolToken read(FieldReader reader) {
        String name = reader.token();
        if (reader.consume('/')) {
            return new ProtocolToken(name, reader.token());
        }
        return new ProtocolToken(name, null);
    }

    public String name() {
        return name;
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public boolean hasVersion() {
        return version != null;
    }

    /** Whether {@code other} names the same protocol: same name ignoring case, same version exactly. */
    public boolean matches(ProtocolToken other) {
        return other != null && key.equals(other.key);
    }

    /** Whether this token's name equals {@code otherName}, ignoring case and version. */
    public boolean hasName(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** The token as written in a field: {@code name} or {@code name/version}. */
    @Override
    public String toString() {
        return version == null ? name : name + '/' + version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolToken other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    private static void requireToken(String what, String s) {
        if (!FieldReader.isToken(s)) {
            throw new IllegalArgumentException("expected a token for the " + what + " but was "
                    + (s == null ? "null" : "\"" + OneLine.of(s) + "\""));
        }
    }
}
