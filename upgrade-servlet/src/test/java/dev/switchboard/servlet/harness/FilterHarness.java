package dev.switchboard.servlet.harness;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockServletContext;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * A Switchboard filter (or any filter) run in memory, with no container: {@code init} with a
 * filter configuration and a servlet context holding the given init-params and context params,
 * then {@code doFilter} on a {@link WireRequest} made from the raw bytes of a request and a
 * {@link WireResponse}, whose head a test compares whole, byte for byte:
 *
 * <pre>{@code
 * try (FilterHarness harness = FilterHarness.of(new SwitchboardFilter()).initParameter("switchboard.jmx", "false").start()) {
 *     assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n",
 *             harness.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n").head());
 * }
 * }</pre>
 *
 * The context's class loader is the test's, so the filter finds the stages and protocols of the
 * modules on the test class path, as in a web application holding those jars. The end of the
 * chain stands in for the application: it records the request it was given and answers nothing
 * (a passed-on request leaves the response at 200 with the fields the filter set).
 *
 * <p>What it cannot show, and the integration tests on the containers keep:
 * <ul>
 *   <li>the container's own serialisation of the head: its reason phrase (Tomcat sends none),
 *       the casing it gives names and values (how {@code Connection: upgrade} reaches the
 *       wire), fields it rewrites on an upgrade, and the fields it adds ({@code Date},
 *       {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection: close});</li>
 *   <li>what the container does before the filter (its own parsing and limits of the request
 *       head, {@code Expect: 100-continue}) and after it (closing a refused connection);</li>
 *   <li>anything after a 101: the handler is created, as by a container, but never given a
 *       connection, so no byte of the new protocol is exchanged;</li>
 *   <li>container support ({@code ContainerSupport}), which finds no container here.</li>
 * </ul>
 * Not thread-safe: one test thread sends one request at a time.
 */
public final class FilterHarness implements AutoCloseable {

    private final Filter filter;
    private final MockServletContext context;

    private FilterHarness(Filter filter, MockServletContext context) {
        this.filter = filter;
        this.context = context;
    }

    /** A harness for {@code filter}, to configure, then {@link Builder#start() start}. */
    public static Builder of(Filter filter) {
        return new Builder(filter);
    }

    /** Sends {@code raw} (ISO-8859-1 bytes: the head, then any content) in cleartext. */
    public FilterAnswer send(String raw) throws IOException, ServletException {
        return send(raw, request -> { });
    }

    /** Sends {@code raw} over a connection the container reports secure (TLS). */
    public FilterAnswer sendOverTls(String raw) throws IOException, ServletException {
        return send(WireRequest.parse(context, raw, true));
    }

    /**
     * Sends {@code raw} in cleartext after {@code adjust} has set what the bytes do not carry
     * (the peer's address, attributes a container would set).
     */
    public FilterAnswer send(String raw, Consumer<WireRequest> adjust) throws IOException, ServletException {
        WireRequest request = WireRequest.parse(context, raw, false);
        adjust.accept(request);
        return send(request);
    }

    private FilterAnswer send(WireRequest request) throws IOException, ServletException {
        WireResponse response = new WireResponse();
        ServletRequest[] passedOn = new ServletRequest[1];
        filter.doFilter(request, response, (ServletRequest req, ServletResponse res) -> passedOn[0] = req);
        return new FilterAnswer(request, response, passedOn[0]);
    }

    /** The servlet context the filter was started in. */
    public MockServletContext context() {
        return context;
    }

    /** Destroys the filter. */
    @Override
    public void close() {
        filter.destroy();
    }

    /** The parameters of a harness before it starts. */
    public static final class Builder {
        private final Filter filter;
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private final Map<String, String> contextParameters = new LinkedHashMap<>();

        private Builder(Filter filter) {
            this.filter = filter;
        }

        /** A filter init-param. */
        public Builder initParameter(String name, String value) {
            initParameters.put(name, value);
            return this;
        }

        /** A context param ({@code <context-param>} in web.xml). */
        public Builder contextParameter(String name, String value) {
            contextParameters.put(name, value);
            return this;
        }

        /** Calls the filter's {@code init}; a failure there is the test's. */
        public FilterHarness start() throws ServletException {
            MockServletContext context = new MockServletContext();
            contextParameters.forEach(context::addInitParameter);
            MockFilterConfig config = new MockFilterConfig(context, "switchboard");
            initParameters.forEach(config::addInitParameter);
            filter.init(config);
            return new FilterHarness(filter, context);
        }
    }
}
