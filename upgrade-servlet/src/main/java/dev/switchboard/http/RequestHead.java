package dev.switchboard.http;

import java.util.List;

/**
 * What negotiation needs to know about a request, independent of any server API: the
 * request line's method and version, whether it arrived over TLS, and its fields.
 * Implementations are views over a live request and are used by one thread at a time.
 */
public interface RequestHead {

    /** The method, such as {@code GET}. */
    String method();

    /** The protocol version as the request line gave it, such as {@code HTTP/1.1}. */
    String protocol();

    /** Whether the connection the request arrived on is secure (TLS). */
    boolean secure();

    /** All lines of the named field, in the order received; empty when absent. Names compare case-insensitively. */
    List<String> fieldLines(String name);

    /** The declared content length, or -1 when the request does not declare one. */
    long contentLength();

    /** Whether the request carries content: a positive {@code Content-Length} or any {@code Transfer-Encoding}. */
    default boolean hasContent() {
        return contentLength() > 0 || !fieldLines(HttpSpec.TRANSFER_ENCODING).isEmpty();
    }
}
