package dev.switchboard.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;


/**
 * The value of the {@code Forwarded} field (RFC 7239 section 4): one element per proxy that
 * handled the request, oldest first, each a set of {@code name=value} pairs.
 *
 * <pre>
 * Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"
 * </pre>
 *
 * <p>Parameter names compare case-insensitively; values are kept as sent (quoted strings
 * unescaped). A parameter given twice in one element is a syntax error (section 4).
 * Whether to believe any of it is the caller's decision: only an element added by a proxy
 * the server trusts says anything about the client. Immutable and thread-safe.
 */
public final class Forwarded {

    private final List<Element> elements;

    private Forwarded(List<Element> elements) {
        this.elements = elements;
    }

    /**
     * Parses all field lines of a request, combined in order.
     *
     * @throws FieldSyntaxException (400) if the value does not match RFC 7239's grammar or
     *     holds no element
     */
    public static Forwarded parse(Iterable<String> fieldLines) {
        return new Forwarded(FieldReader.parseList(HttpSpec.FORWARDED, fieldLines, true, Forwarded::readElement));
    }

    /** Parses one field value; see {@link #parse(Iterable)}. */
    public static Forwarded parse(String value) {
        return parse(List.of(value));
    }

    /** A value holding the given elements, oldest first. */
    public static Forwarded of(List<Element> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("expected at least one element but the list was empty");
        }
        return new Forwarded(Collections.unmodifiableList(new ArrayList<>(elements)));
    }

    private static Element readElement(FieldReader r) {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            r.skipOws();
            int c = r.peek();
            if (c == ';') {
                r.consume(';');
                continue;
            }
            if (c == ',' || c < 0) {
                break;
            }
            String name = r.token().toLowerCase(Locale.ROOT);
            r.expect('=');
            String value = r.tokenOrQuotedString();
            if (params.put(name, value) != null) {
                throw r.problem("parameter \"" + name + "\" appears twice in one element");
            }
            r.skipOws();
            if (!r.consume(';')) {
                break;
            }
        }
        if (params.isEmpty()) {
            throw r.error("forwarded-pair");
        }
        return new Element(params);
    }

    /** The elements, oldest (closest to the client) first; never empty. */
    public List<Element> elements() {
        return elements;
    }

    /** The element added by the proxy nearest to this server. */
    public Element last() {
        return elements.get(elements.size() - 1);
    }

    /** The value as one field line, with values quoted where they are not tokens. */
    public String toHeaderValue() {
        StringJoiner out = new StringJoiner(", ");
        for (Element e : elements) {
            out.add(e.toHeaderValue());
        }
        return out.toString();
    }

    /** Appends {@code element} as the newest hop. */
    public Forwarded with(Element element) {
        List<Element> list = new ArrayList<>(elements);
        list.add(element);
        return new Forwarded(Collections.unmodifiableList(list));
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }

    /** One proxy's {@code forwarded-element}: lower-cased parameter names to raw values. */
    public static final class Element {

        private final Map<String, String> params;

        private Element(Map<String, String> params) {
            this.params = Collections.unmodifiableMap(params);
        }

        /**
         * An element with the given parameters, in order; {@code null} values are left out.
         *
         * @throws IllegalArgumentException if a name is not a token or repeats ignoring case, or
         *     a value holds a character that no field value may carry (such as a line break)
         */
        public static Element of(Map<String, String> params) {
            Map<String, String> copy = new LinkedHashMap<>();
            params.forEach((name, value) -> {
                if (!FieldReader.isToken(name)) {
                    throw new IllegalArgumentException("expected a token for a parameter name but was \""
                            + OneLine.of(name) + "\"");
                }
                if (value == null) {
                    return;
                }
                if (!FieldReader.isQuotable(value)) {
                    throw new IllegalArgumentException("parameter " + name + ": " + FieldReader.unquotable(value));
                }
                if (copy.put(name.toLowerCase(Locale.ROOT), value) != null) {
                    throw new IllegalArgumentException("parameter \"" + name + "\" given twice");
                }
            });
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("expected at least one parameter");
            }
            return new Element(copy);
        }

        /** The value of {@code name} (case-insensitive). */
        public Optional<String> get(String name) {
            return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
        }

        /** {@code for}: the client side of the hop. */
        public Optional<String> forNode() {
            return get("for");
        }

        /** {@code by}: the proxy side of the hop. */
        public Optional<String> by() {
            return get("by");
        }

        /** {@code host}: the Host the client sent to the proxy. */
        public Optional<String> host() {
            return get("host");
        }

        /** {@code proto}: the scheme the client used, such as {@code https}. */
        public Optional<String> proto() {
            return get("proto");
        }

        public Map<String, String> parameters() {
            return params;
        }

        /** The element as written in a field: {@code for=192.0.2.60;proto=https}. */
        public String toHeaderValue() {
            StringJoiner out = new StringJoiner(";");
            params.forEach((name, value) -> out.add(name + '=' + FieldReader.quoteIfNeeded(value)));
            return out.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element other && params.equals(other.params);
        }

        @Override
        public int hashCode() {
            return params.hashCode();
        }

        @Override
        public String toString() {
            return toHeaderValue();
        }
    }
}
