package dev.switchboard.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A message head as {@link HeadReader} read it: the start line, the field lines in the order
 * received, and its size on the wire. Immutable.
 *
 * @param <S> {@link RequestLine} or {@link StatusLine}
 * @param startLine the request line or status line
 * @param fields the field lines, in order
 * @param size the bytes read, from the first (empty lines before a request line included) to
 *     the empty line that ends the head
 */
public record MessageHead<S>(S startLine, List<FieldLine> fields, int size) {

    public MessageHead {
        fields = List.copyOf(fields);
    }

    /** The values of every line named {@code name} (ignoring case), in order; empty when none. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>(1);
        for (FieldLine f : fields) {
            if (f.is(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** Whether a line named {@code name} (ignoring case) is present. */
    public boolean has(String name) {
        for (FieldLine f : fields) {
            if (f.is(name)) {
                return true;
            }
        }
        return false;
    }
}
