package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.OneLine;
import dev.switchboard.http.FieldReader;

/**
 * One element of {@code Sec-WebSocket-Extensions}: an extension name and its parameters, in
 * the order written (RFC 6455 section 9.1).
 *
 * <pre>
 * permessage-deflate; client_max_window_bits; server_max_window_bits=10
 * </pre>
 *
 * <p>Names and parameter names compare exactly. A parameter value given as a quoted string is
 * kept unquoted; RFC 6455 requires it to be a token once unquoted. A parameter may appear more
 * than once: what that means is up to the extension (permessage-deflate declines such an
 * offer). Immutable and thread-safe.
 */
public final class WebSocketExtension {

    private final String name;
    private final List<Parameter> parameters;

    private WebSocketExtension(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = parameters;
    }

    /**
     * An extension with the given parameters, in order.
     *
     * @throws IllegalArgumentException if the name, a parameter name or a value is not a token
     */
    public static WebSocketExtension of(String name, List<Parameter> parameters) {
        requireToken("extension name", name);
        return new WebSocketExtension(name, Collections.unmodifiableList(new ArrayList<>(parameters)));
    }

    /** An extension with the given parameters; see {@link #of(String, List)}. */
    public static WebSocketExtension of(String name, Parameter... parameters) {
        return of(name, List.of(parameters));
    }

    /** Reads one extension at the reader's cursor: {@code token *( OWS ";" OWS extension-param )}. */
    static WebSocketExtension read(FieldReader r) {
        String name = r.token();
        List<Parameter> params = new ArrayList<>(2);
        while (true) {
            r.skipOws();
            if (!r.consume(';')) {
                break;
            }
            r.skipOws();
            String paramName = r.token();
            r.skipOws();
            String value = null;
            if (r.consume('=')) {
                r.skipOws();
                boolean quoted = r.peek() == '"';
                int at = r.offset();
                value = r.tokenOrQuotedString();
                if (quoted && !FieldReader.isToken(value)) {
                    throw r.problem("the quoted value of parameter \"" + paramName + "\" at offset " + at
                            + " is not a token once unquoted (RFC 6455 section 9.1)");
                }
            }
            params.add(new Parameter(paramName, value));
        }
        return new WebSocketExtension(name, Collections.unmodifiableList(params));
    }

    public String name() {
        return name;
    }

    /** The parameters, in the order written. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The first parameter named {@code name}, compared exactly. */
    public Optional<Parameter> parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The extension as written in a field: {@code name; param; param=value}. */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder(name);
        for (Parameter p : parameters) {
            out.append("; ").append(p.toHeaderValue());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebSocketExtension other && name.equals(other.name) && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, parameters);
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }

    private static void requireToken(String what, String s) {
        if (!FieldReader.isToken(s)) {
            throw new IllegalArgumentException("expected a token for the " + what + " but was "
                    + (s == null ? "null" : "\"" + OneLine.of(s) + "\""));
        }
    }

    /**
     * One {@code extension-param}: a name and an optional value.
     *
     * @param name a token
     * @param value a token, or null for a parameter written without a value
     */
    public record Parameter(String name, String value) {

        public Parameter {
            requireToken("parameter name", name);
            if (value != null) {
                requireToken("value of parameter " + name, value);
            }
        }

        /** A parameter written without a value, such as {@code server_no_context_takeover}. */
        public static Parameter flag(String name) {
            return new Parameter(name, null);
        }

        public Optional<String> valueIfAny() {
            return Optional.ofNullable(value);
        }

        /** {@code name} or {@code name=value}. */
        public String toHeaderValue() {
            return value == null ? name : name + '=' + value;
        }

        @Override
        public String toString() {
            return toHeaderValue();
        }
    }
}
