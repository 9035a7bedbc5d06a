package dev.switchboard.bench;

import java.io.IOException;
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

import dev.switchboard.bench.servlet.MinimalFilterConfig;
import dev.switchboard.bench.servlet.MinimalRequest;
import dev.switchboard.bench.servlet.MinimalResponse;
import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * {@code UpgradeFilter.doFilter} with no container: a request without {@code Upgrade} (the
 * fast path every ordinary request takes, which should cost one field look-up and allocate
 * nothing), and for scale a request offering only a protocol nobody registered (parsed,
 * negotiated, then passed on). The field look-up alone is measured as a baseline, since the
 * minimal request's look-up is part of both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterFastPathBenchmark {

    private UpgradeFilter filter;
    private final MinimalRequest plain = MinimalRequest.get().field("Host", "example.com")
            .field("Accept", "text/html");
    private final MinimalRequest unknownOffer = MinimalRequest.get().field("Host", "example.com")
            .field("Upgrade", "foo/2").field("Connection", "upgrade");
    private final MinimalResponse response = new MinimalResponse();
    private final CountingChain chain = new CountingChain();

    @Setup(Level.Trial)
    public void setUp() throws ServletException, IOException {
        filter = new UpgradeFilter(UpgradeOptions.builder().jmx(false).build(),
                UpgradeRegistry.standalone("/bench").register(new EchoProtocol()));
        filter.init(new MinimalFilterConfig());
        filter.doFilter(plain, response, chain);
        filter.doFilter(unknownOffer, response, chain);
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
        filter.doFilter(plain, response, chain);
        return chain.calls;
    }

    @Benchmark
    public long requestOfferingAnUnknownProtocol() throws IOException, ServletException {
        filter.doFilter(unknownOffer, response, chain);
        return chain.calls;
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
