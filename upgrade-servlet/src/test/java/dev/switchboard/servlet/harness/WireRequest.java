package dev.switchboard.servlet.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.mock.web.MockHttpServletRequest;

import dev.switchboard.http.Authority;
import dev.switchboard.http.ContentLength;
import dev.switchboard.http.FieldLine;
import dev.switchboard.http.HeadLimits;
import dev.switchboard.http.HeadReader;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.RequestLine;
import dev.switchboard.http.WireFormatException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * A request made from the bytes a client sent, read by this project's {@link HeadReader} the
 * way a container reads them: method, target (path and query), version and the field lines in
 * the order sent; what follows the head is the content. The servlet path is the whole path (a
 * filter in front of a default servlet of the root context), {@code Host} gives the server name
 * and port, and the declared {@code Content-Length} is what {@link #getContentLengthLong} says,
 * as on a container, whatever content follows.
 *
 * <p>{@link #upgrade} does what a container does before the response is complete: it creates
 * the handler with its no-argument constructor and keeps it ({@link #upgradeHandler}); the
 * connection is never handed to it.
 */
public final class WireRequest extends MockHttpServletRequest {

    private final long declaredLength;
    private final List<HttpUpgradeHandler> upgrades = new ArrayList<>();

    private WireRequest(ServletContext context, RequestLine line, long declaredLength) {
        super(context, line.method(), path(line.target()));
        this.declaredLength = declaredLength;
    }

    /**
     * The request whose head and content are {@code raw} (ISO-8859-1), as a request to
     * {@code context}.
     *
     * @throws IllegalArgumentException if {@code raw} holds no complete head
     * @throws WireFormatException if the head is not one a container would hand over
     */
    public static WireRequest parse(ServletContext context, String raw, boolean secure) {
        ByteBuffer bytes = ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1));
        MessageHead<RequestLine> head = HeadReader.request(HeadLimits.DEFAULT).read(bytes);
        if (head == null) {
            throw new IllegalArgumentException("expected a head ending in an empty line but was \"" + raw + "\"");
        }
        List<String> lengths = head.values(HttpSpec.CONTENT_LENGTH);
        long declared = lengths.isEmpty() ? -1 : ContentLength.parse(lengths).value();
        WireRequest request = new WireRequest(context, head.startLine(), declared);
        String target = head.startLine().target();
        int query = target.indexOf('?');
        request.setQueryString(query < 0 ? null : target.substring(query + 1));
        request.setServletPath(request.getRequestURI());
        request.setProtocol(head.startLine().version().toString());
        request.setSecure(secure);
        request.setScheme(secure ? "https" : "http");
        request.setServerPort(secure ? 443 : 80);
        for (FieldLine field : head.fields()) {
            request.addHeader(field.name(), field.value());
        }
        request.serverFromHost(head.values(HttpSpec.HOST));
        request.setContent(Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit()));
        return request;
    }

    /** The handlers created by {@link #upgrade}, in order: one after a switch, none otherwise. */
    public List<HttpUpgradeHandler> upgrades() {
        return List.copyOf(upgrades);
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        try {
            T handler = handlerClass.getDeclaredConstructor().newInstance();
            upgrades.add(handler);
            return handler;
        } catch (ReflectiveOperationException e) {
            throw new ServletException("cannot create " + handlerClass.getName(), e);
        }
    }

    @Override
    public long getContentLengthLong() {
        return declaredLength;
    }

    @Override
    public int getContentLength() {
        return declaredLength > Integer.MAX_VALUE ? -1 : (int) declaredLength;
    }

    private void serverFromHost(List<String> hosts) {
        if (hosts.size() != 1) {
            return;
        }
        try {
            Authority host = Authority.parse(hosts.get(0));
            setServerName(host.host());
            setServerPort(host.portOr(getServerPort()));
        } catch (WireFormatException e) {
            // A container keeps its own name for a Host it cannot read; the filter sees the field as sent.
        }
    }

    private static String path(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
