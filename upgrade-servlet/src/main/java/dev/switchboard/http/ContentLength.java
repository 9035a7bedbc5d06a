package dev.switchboard.http;

import java.util.List;


/**
 * The value of {@code Content-Length}: {@code Content-Length = 1*DIGIT} (RFC 9110 section 8.6),
 * a number of octets from 0 to 2<sup>63</sup>-1.
 *
 * <p>Several field lines, or a comma-separated list, are accepted only when every value is
 * the same number ({@code 42, 42}, or {@code 42} and {@code 042}): an intermediary may have
 * combined duplicates, and section 8.6 lets a recipient take the one value. Anything else is
 * a 400, since RFC 9112 section 6.3 makes a message with an invalid length unreadable: a sign
 * ({@code +5}, {@code -1}), a fraction, whitespace inside, hex, an empty value, values that
 * differ ({@code 5, 6}, a request-smuggling classic), and a number past 2<sup>63</sup>-1
 * (section 8.6 asks recipients to guard against overflow). Immutable.
 */
public final class ContentLength {

    private static final ContentLength ZERO = new ContentLength(0);

    private final long value;

    private ContentLength(long value) {
        this.value = value;
    }

    /**
     * Parses all field lines of a message, combined in order.
     *
     * @throws FieldSyntaxException (400) if there is no value, a value is not a decimal number
     *     that fits, or the values differ
     */
    public static ContentLength parse(Iterable<String> fieldLines) {
        List<Long> values = FieldReader.parseList(HttpSpec.CONTENT_LENGTH, fieldLines, true, ContentLength::read);
        long first = values.get(0);
        for (long v : values) {
            if (v != first) {
                throw new FieldSyntaxException(HttpSpec.CONTENT_LENGTH,
                        "expected one length but the values differ: " + first + " and " + v);
            }
        }
        return of(first);
    }

    /** Parses one field value; see {@link #parse(Iterable)}. */
    public static ContentLength parse(String value) {
        return parse(List.of(value));
    }

    /**
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static ContentLength of(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("expected a length of 0 or more but was " + length);
        }
        return length == 0 ? ZERO : new ContentLength(length);
    }

    /** The number of octets. */
    public long value() {
        return value;
    }

    /** The value as one field line: the number, without leading zeros. */
    public String toHeaderValue() {
        return Long.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentLength other && value == other.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }

    private static Long read(FieldReader r) {
        int start = r.offset();
        long value = 0;
        boolean overflow = false;
        while (r.peek() >= '0' && r.peek() <= '9') {
            int digit = r.peek() - '0';
            r.consume((char) r.peek());
            if (value > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
            } else if (!overflow) {
                value = value * 10 + digit;
            }
        }
        if (r.offset() == start) {
            throw r.error("a decimal number of octets");
        }
        if (overflow) {
            throw r.problem("expected a length of at most " + Long.MAX_VALUE + " but was \""
                    + OneLine.of(r.text(start, r.offset())) + "\"");
        }
        return value;
    }
}
