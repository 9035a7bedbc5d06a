package dev.switchboard.bench;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code UpgradeFilter.doFilter} with no container, on spring-test's Servlet fakes: a request
 * without {@code Upgrade} (the fast path every ordinary request takes), and for scale a request
 * offering only a protocol nobody registered (parsed, negotiated, then passed on). The field
 * look-up alone is measured as a baseline, since the fake request's look-up is part of both.
 *
 * <p>The filter loads no protocol provider ({@code protocols} is empty), so it offers the same
 * {@code echo/1} from {@code benchmarks.jar} and from the module's class path, which also holds
 * the other modules' providers. The request's attributes are cleared before each call, as each
 * request on a container starts without them: the filter keeps its per-request exchange there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterFastPathBenchmark {

    private UpgradeFilter filter;
    private final Request plain = new Request().field("Host", "example.com").field("Accept", "text/html");
    private final Request unknownOffer = new Request().field("Host", "example.com").field("Upgrade", "foo/2")
            .field("Connection", "upgrade");
    /** Neither request writes to the response: any call on it fails the benchmark. */
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException("the benchmark's response has no " + method.getName());
            });
    private final CountingChain chain = new CountingChain();

    @Setup(Level.Trial)
    public void setUp() throws ServletException, IOException {
        filter = new UpgradeFilter(UpgradeOptions.builder().jmx(false).protocols(List.of()).build(),
                UpgradeRegistry.standalone("/bench").register(new EchoProtocol()));
        filter.init(new MockFilterConfig());
        requestWithoutUpgrade();
        requestOfferingAnUnknownProtocol();
        if (chain.calls != 2) {
            throw new IllegalStateException("expected both requests to reach the chain but " + chain.calls + " did");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        filter.destroy();
    }

    /** The one field look-up the fast path makes, alone: the floor under {@link #requestWithoutUpgrade}. */
    @Benchmark
    public String baselineFieldLookup() {
        return plain.getHeader("Upgrade");
    }

    @Benchmark
    public long requestWithoutUpgrade() throws IOException, ServletException {
        plain.clearAttributes();
        filter.doFilter(plain, response, chain);
        return chain.calls;
    }

    @Benchmark
    public long requestOfferingAnUnknownProtocol() throws IOException, ServletException {
        unknownOffer.clearAttributes();
        filter.doFilter(unknownOffer, response, chain);
        return chain.calls;
    }

    /**
     * A GET of {@code /} whose field look-ups allocate no more than a container's (the fake's own
     * lower-case the name and copy the values on each call), so that the figures are the filter's.
     */
    private static final class Request extends MockHttpServletRequest {
        private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Request() {
            super("GET", "/");
        }

        Request field(String name, String value) {
            addHeader(name, value);
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        @Override
        public String getHeader(String name) {
            List<String> values = fields.get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Collections.enumeration(fields.getOrDefault(name, List.of()));
        }
    }

    /** Counts the requests that reach the end of the chain; allocates nothing. */
    private static final class CountingChain implements FilterChain {
        long calls;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            calls++;
        }
    }
}
