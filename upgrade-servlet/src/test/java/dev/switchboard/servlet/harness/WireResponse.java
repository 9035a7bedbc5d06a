package dev.switchboard.servlet.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that keeps what a filter set (status, fields in the order first set, content) and
 * writes its head as an HTTP/1.1 server would: the status line with the reason phrase of RFC
 * 9110 section 15, each field line as {@code name: value} in that order, every line ending in
 * CRLF, then the empty line. It adds no field of its own: no {@code Date}, no framing the
 * filter did not set.
 *
 * <p>Written here rather than taken from spring-test, whose response needs spring-web: that jar
 * declares a {@code ServletContainerInitializer}, which every embedded container on the same
 * class path would then run. Any method not listed here throws
 * {@link UnsupportedOperationException}, so a test that makes the filter do something unforeseen
 * fails at once.
 */
public final class WireResponse extends HttpServletResponseWrapper {

    /** The reason phrases of RFC 9110 section 15 for the statuses Switchboard answers with. */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"),
            Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(421, "Misdirected Request"),
            Map.entry(426, "Upgrade Required"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    private static final HttpServletResponse UNSUPPORTED = (HttpServletResponse) Proxy.newProxyInstance(
            HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException("the harness's response has no " + method.getName());
            });

    /** Lower-cased name to the name as first set and its values. */
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private int status = SC_OK;
    private boolean committed;

    public WireResponse() {
        super(UNSUPPORTED);
    }

    /**
     * The head as written: {@code HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n...\r\n\r\n}.
     * A status without a phrase in the table above gets an empty reason ({@code HTTP/1.1 299 \r\n}).
     */
    public String head() {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "")).append("\r\n");
        for (Field field : fields.values()) {
            for (String value : field.values) {
                head.append(field.name).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString();
    }

    /** The content written. */
    public byte[] content() {
        return content.toByteArray();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        committed = true;
    }

    @Override
    public void setHeader(String name, String value) {
        fields.remove(name.toLowerCase(Locale.ROOT));
        addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (value != null) {
            fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Field(name)).values.add(value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public boolean containsHeader(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getHeader(String name) {
        Field field = fields.get(name.toLowerCase(Locale.ROOT));
        return field == null ? null : field.values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        Field field = fields.get(name.toLowerCase(Locale.ROOT));
        return field == null ? List.of() : List.copyOf(field.values);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return fields.values().stream().map(f -> f.name).toList();
    }

    @Override
    public void setContentType(String type) {
        setHeader("Content-Type", type);
    }

    /**
     * Names the charset in a {@code Content-Type} already set; null (no charset) leaves the
     * field as set, since this response adds no default charset of its own.
     */
    @Override
    public void setCharacterEncoding(String charset) {
        String type = getContentType();
        if (charset != null && type != null) {
            int parameters = type.indexOf(';');
            setContentType((parameters < 0 ? type : type.substring(0, parameters)) + ";charset=" + charset);
        }
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        setHeader("Content-Length", Long.toString(length));
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                content.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the harness's response has no non-blocking output");
            }
        };
    }

    @Override
    public PrintWriter getWriter() {
        return new PrintWriter(new OutputStreamWriter(content, StandardCharsets.UTF_8), true);
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void flushBuffer() {
        committed = true;
    }

    /** @throws IllegalStateException once committed, as on a container */
    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("the response is committed");
        }
        content.reset();
    }

    private static final class Field {
        private final String name;
        private final List<String> values = new ArrayList<>(1);

        private Field(String name) {
            this.name = name;
        }
    }
}
