package dev.switchboard.bench.servlet;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request that answers only what a filter reads from a request head: method, version,
 * security, content length and fields. Its answers are fixed at construction, and reading a
 * single field allocates nothing, so that a benchmark measures the filter and not the request.
 */
public final class MinimalRequest extends UnsupportedRequest {

    private final String method;
    private final String protocol;
    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private MinimalRequest(String method, String protocol) {
        this.method = method;
        this.protocol = protocol;
    }

    /** A {@code GET} in HTTP/1.1 without fields. */
    public static MinimalRequest get() {
        return new MinimalRequest("GET", "HTTP/1.1");
    }

    /** Adds a field line. */
    public MinimalRequest field(String name, String value) {
        fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(value);
        return this;
    }

    @Override
    public String getHeader(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        List<String> values = fields.get(name);
        return values == null ? Collections.emptyEnumeration() : Collections.enumeration(values);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public int getContentLength() {
        return -1;
    }
}
