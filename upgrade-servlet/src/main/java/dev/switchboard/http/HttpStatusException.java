package dev.switchboard.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that has an HTTP answer: the status, a one-line reason for the body, and any
 * fields the specification demands with that status (for example {@code Upgrade} with a
 * 426, or {@code Sec-WebSocket-Version} with a WebSocket 426).
 *
 * <p>Bad input from a peer is reported with this type (or a subtype) and converted into a
 * response in exactly one place; it never escapes as a 500. Instances are immutable.
 */
public class HttpStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> fields;

    /**
     * @param status a 4xx or 5xx status code
     * @param reason a one-line, human-readable reason; control characters are escaped
     * @throws IllegalArgumentException if {@code status} is not in 400..599
     */
    public HttpStatusException(int status, String reason) {
        this(status, reason, Map.of());
    }

    /**
     * @param status a 4xx or 5xx status code
     * @param reason a one-line, human-readable reason; control characters are escaped
     * @param fields response fields that must accompany this status, in order
     * @throws IllegalArgumentException if {@code status} is not in 400..599
     */
    public HttpStatusException(int status, String reason, Map<String, String> fields) {
        super(OneLine.of(reason), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("expected a 4xx or 5xx status but was " + status);
        }
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public int status() {
        return status;
    }

    /** The one-line reason: printable, no line breaks, suitable for a response body. */
    public String reason() {
        return getMessage();
    }

    /** Fields the response must carry, in the order they should be written. */
    public Map<String, String> fields() {
        return fields;
    }
}
