package dev.switchboard.proxy.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A backend's response head as parsed by {@link ResponseHeadParser}: status, reason phrase and
 * field lines in order. Immutable.
 *
 * @param status the three-digit status code
 * @param reason the reason phrase, possibly empty
 * @param fields the field lines in the order received
 */
public record BackendResponse(int status, String reason, List<Field> fields) {

    /** One field line: the name as sent and the value without surrounding whitespace. */
    public record Field(String name, String value) {
    }

    public BackendResponse {
        fields = List.copyOf(fields);
    }

    /** The values of every line of {@code name} (case-insensitive), in order. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** Whether this is an interim (1xx) response other than 101. */
    public boolean isInterim() {
        return status >= 100 && status < 200 && status != 101;
    }
}
