package dev.switchboard.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response head exactly as it came off the wire: the status line and the field lines, in
 * order, with names compared case-insensitively. Immutable.
 */
public final class ResponseHead {

    private final String raw;
    private final String statusLine;
    private final int status;
    private final List<Map.Entry<String, String>> fields;

    private ResponseHead(String raw, String statusLine, int status, List<Map.Entry<String, String>> fields) {
        this.raw = raw;
        this.statusLine = statusLine;
        this.status = status;
        this.fields = fields;
    }

    /**
     * Parses a head: the status line, field lines, and the empty line, each ended by CRLF.
     *
     * @throws IllegalArgumentException if the text is not a well-formed HTTP/1.x response head
     */
    public static ResponseHead parse(String raw) {
        if (!raw.endsWith("\r\n\r\n")) {
            throw new IllegalArgumentException("head does not end with CRLF CRLF: " + raw);
        }
        String[] lines = raw.substring(0, raw.length() - 4).split("\r\n", -1);
        String statusLine = lines[0];
        if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new IllegalArgumentException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a field line: " + lines[i]);
            }
            fields.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        return new ResponseHead(raw, statusLine, status, Collections.unmodifiableList(fields));
    }

    /** The head exactly as received, including the final empty line. */
    public String raw() {
        return raw;
    }

    /** The status line without its CRLF, for example {@code HTTP/1.1 101 } (Tomcat sends no reason phrase). */
    public String statusLine() {
        return statusLine;
    }

    public int status() {
        return status;
    }

    /** The protocol version of the status line, such as {@code HTTP/1.1}. */
    public String version() {
        return statusLine.substring(0, 8);
    }

    /** Every field line, in order, as received. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The values of every line of {@code name}, in order. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    /** The value of {@code name}'s single line; empty when absent. Fails when the field is repeated. */
    public Optional<String> field(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new AssertionError("expected at most one " + name + " field but was " + values);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether {@code name} appears at all. */
    public boolean has(String name) {
        return !values(name).isEmpty();
    }

    /** Field names and values, names lower-cased, for readable assertion messages. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> f : fields) {
            out.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
        }
        return out;
    }

    @Override
    public String toString() {
        return raw;
    }
}
