package dev.switchboard.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A cursor over one field value, reading the common rules of RFC 9110 section 5.6: tokens,
 * quoted strings, optional whitespace and comma-separated lists. Every read either consumes
 * input or throws {@link FieldSyntaxException} with an "expected X but was Y" message, so a
 * parser built on it never loops and never throws anything else.
 *
 * <p>Not thread-safe; one instance per value.
 */
public final class FieldReader {

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final String fieldName;
    private final String value;
    private int pos;

    public FieldReader(String fieldName, String value) {
        this.fieldName = fieldName;
        this.value = value;
    }

    /** Whether {@code c} may appear in a token (RFC 9110 section 5.6.2). */
    public static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    /** Whether {@code s} is a non-empty token. */
    public static boolean isToken(CharSequence s) {
        if (s == null || s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the comma-separated list carried by all the given field lines, combined in order
     * (RFC 9110 section 5.3). Empty elements and optional whitespace around commas are
     * accepted (section 5.6.1.2).
     *
     * @param atLeastOne whether the grammar is {@code 1#element} rather than {@code #element}
     * @throws FieldSyntaxException if an element is malformed, or none is present when one is required
     */
    public static <T> List<T> parseList(String fieldName, Iterable<String> lines, boolean atLeastOne,
            Function<FieldReader, T> element) {
        List<T> out = new ArrayList<>(4);
        for (String line : lines) {
            FieldReader r = new FieldReader(fieldName, line == null ? "" : line);
            r.readList(out, element);
        }
        if (atLeastOne && out.isEmpty()) {
            throw new FieldSyntaxException(fieldName, "expected at least one element but the list was empty");
        }
        return Collections.unmodifiableList(out);
    }

    private <T> void readList(List<T> out, Function<FieldReader, T> element) {
        while (true) {
            skipOws();
            if (atEnd()) {
                return;
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            out.add(element.apply(this));
            skipOws();
            if (atEnd()) {
                return;
            }
            expect(',');
        }
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean atEnd() {
        return pos >= value.length();
    }

    /** The next character, or -1 at the end. */
    public int peek() {
        return atEnd() ? -1 : value.charAt(pos);
    }

    /** Offset of the cursor from the start of the value. */
    public int offset() {
        return pos;
    }

    /** The characters of the value from {@code from} to {@code to}, as offsets of {@link #offset()}. */
    public String text(int from, int to) {
        return value.substring(from, to);
    }

    /** Skips {@code OWS = *( SP / HTAB )}. */
    public void skipOws() {
        while (!atEnd()) {
            char c = value.charAt(pos);
            if (c != ' ' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Consumes {@code c} if it is next. */
    public boolean consume(char c) {
        if (!atEnd() && value.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code c}, or fails. */
    public void expect(char c) {
        if (!consume(c)) {
            throw error("'" + c + "'");
        }
    }

    /** Reads {@code token = 1*tchar}. */
    public String token() {
        int start = pos;
        while (!atEnd() && isTchar(value.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("token");
        }
        return value.substring(start, pos);
    }

    /** Reads a {@code quoted-string} and returns its content with quoted-pairs resolved. */
    public String quotedString() {
        if (peek() != '"') {
            throw error("'\"'");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = value.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                pos++;
                if (atEnd() || !isQuotable(value.charAt(pos))) {
                    throw error("quoted character");
                }
                out.append(value.charAt(pos++));
                continue;
            }
            if (!isQdtext(c)) {
                throw error("quoted text or '\"'");
            }
            out.append(c);
            pos++;
        }
        throw error("'\"'");
    }

    /** Reads a token or a quoted string, as parameter values allow (RFC 9110 section 5.6.6). */
    public String tokenOrQuotedString() {
        return peek() == '"' ? quotedString() : token();
    }

    /** A syntax error at the cursor: "expected {@code expected} but was ... at offset N". */
    public FieldSyntaxException error(String expected) {
        return new FieldSyntaxException(fieldName,
                "expected " + expected + " but was " + describe(peek()) + " at offset " + pos);
    }

    /** A syntax error with a free-form problem description. */
    public FieldSyntaxException problem(String problem) {
        return new FieldSyntaxException(fieldName, problem);
    }

    private static boolean isQdtext(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e)
                || (c >= 0x80 && c <= 0xff);
    }

    private static boolean isQuotable(char c) {
        return c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
    }

    private static String describe(int c) {
        if (c < 0) {
            return "end of field";
        }
        if (c >= 0x21 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        if (c == ' ') {
            return "space";
        }
        if (c == '\t') {
            return "tab";
        }
        return String.format("character U+%04X", c);
    }

    /**
     * Whether every character of {@code s} can be carried by a quoted string: visible ASCII,
     * space, tab and obs-text (U+0080 to U+00FF), RFC 9110 section 5.6.4. Such a value
     * survives {@link #quoteIfNeeded} and {@link #tokenOrQuotedString} unchanged.
     */
    public static boolean isQuotable(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isQuotable(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code value} as a token when it is one, else as a quoted string with {@code "}
     * and {@code \} escaped.
     *
     * @throws IllegalArgumentException if {@code value} is not {@linkplain #isQuotable quotable}:
     *     a line break or other control character must never reach a field
     */
    public static String quoteIfNeeded(String value) {
        if (isToken(value)) {
            return value;
        }
        if (!isQuotable(value)) {
            throw new IllegalArgumentException(unquotable(value));
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** The message for a value that {@link #isQuotable} refuses. */
    public static String unquotable(String value) {
        return "expected visible characters, spaces and tabs but was \"" + OneLine.of(value) + "\"";
    }
}
