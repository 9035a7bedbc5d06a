package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.harness.FilterHarness;
import dev.switchboard.servlet.internal.PathPatterns;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * {@link SwitchboardFilter} in the in-memory harness with a stage in every phase, each acting
 * on the request's {@code Upgrade} field as the modules' stages do: the field is read once per
 * request, whichever stage acts on it, and the stages run in phase order.
 */
class SwitchboardFilterTest {

    /** The reads of {@code Upgrade} of each request, recorded when its walk ends. */
    private static final List<Integer> READS = new CopyOnWriteArrayList<>();
    /** The phases each request walked through, recorded by the stages. */
    private static final List<Phase> WALK = new CopyOnWriteArrayList<>();

    private static final Exchange.Key<AtomicInteger> COUNT = new Exchange.Key<>("reads", AtomicInteger.class);

    private static FilterHarness harness;

    @BeforeAll
    static void start() throws Exception {
        // Found in the reverse of phase order, as a class path may list them.
        List<StageContribution> stages = new ArrayList<>(List.of(
                contribution(Phase.POST_DISPATCH_GUARD, SwitchboardFilterTest::guard),
                contribution(Phase.TUNNEL_ROUTES, SwitchboardFilterTest::tunnel),
                contribution(Phase.TLS_POLICY, SwitchboardFilterTest::tlsPolicy),
                contribution(Phase.TRANSPORT, SwitchboardFilterTest::counting)));
        stages.sort((a, b) -> a.phase().compareTo(b.phase()));
        harness = FilterHarness.of(new SwitchboardFilter(stages))
                .contextParameter(UpgradeOptions.PROTOCOLS, "echo")
                .contextParameter(UpgradeOptions.JMX, "false")
                .start();
        UpgradeRegistry.of(harness.context()).route(new TunnelRoutes());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void clear() {
        READS.clear();
        WALK.clear();
    }

    @Test
    @DisplayName("a request without Upgrade has the field looked up once and walks every phase")
    void plainRequest() throws IOException, ServletException {
        assertThat(harness.send("GET /page HTTP/1.1\r\nHost: x\r\n\r\n").wasPassedOn()).isTrue();
        assertThat(READS).containsExactly(1);
        assertThat(WALK).containsExactly(Phase.TRANSPORT, Phase.TLS_POLICY, Phase.TUNNEL_ROUTES,
                Phase.POST_DISPATCH_GUARD);
    }

    @Test
    @DisplayName("a WebSocket upgrade that negotiation passes on reads Upgrade once through every stage")
    void webSocketUpgrade() throws IOException, ServletException {
        assertThat(harness.send("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").wasPassedOn())
                .isTrue();
        assertThat(READS).containsExactly(1);
        assertThat(WALK).contains(Phase.TUNNEL_ROUTES, Phase.POST_DISPATCH_GUARD);
    }

    @Test
    @DisplayName("a TLS upgrade narrowed by the policy is negotiated on the narrowed offer without a second read")
    void tlsUpgrade() throws IOException, ServletException {
        // The policy stage narrows "TLS/1.2, echo/1" to echo/1, which stands in for the TLS protocol here.
        assertThat(harness.send("GET /secure/a HTTP/1.1\r\nHost: x\r\nUpgrade: TLS/1.2, foo/1\r\nConnection: upgrade\r\n\r\n")
                .head()).startsWith("HTTP/1.1 101 ");
        assertThat(READS).containsExactly(1);
    }

    @Test
    @DisplayName("a request a routed protocol answers goes through negotiation and has Upgrade read once")
    void tunnelledRequest() throws IOException, ServletException {
        assertThat(harness.send("GET /tunnel/x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
                .head()).startsWith("HTTP/1.1 204 ");
        assertThat(READS).containsExactly(1);
        assertThat(WALK).containsExactly(Phase.TRANSPORT, Phase.TLS_POLICY, Phase.TUNNEL_ROUTES, Phase.NEGOTIATION);
    }

    @Test
    @DisplayName("a routed request over the context's limit is refused with 431 by negotiation, the field read once")
    void tunnelledRequestOverTheLimit() throws IOException, ServletException {
        String upgrade = "websocket, " + "x".repeat(1100);
        assertThat(harness.send("GET /tunnel/x HTTP/1.1\r\nHost: x\r\nUpgrade: " + upgrade + "\r\nConnection: upgrade\r\n\r\n")
                .head()).startsWith("HTTP/1.1 431 ");
        assertThat(READS).containsExactly(1);
        assertThat(WALK).doesNotContain(Phase.NEGOTIATION);
    }

    @Test
    @DisplayName("an echo/1 upgrade switched by negotiation has Upgrade read once")
    void negotiatedUpgrade() throws IOException, ServletException {
        assertThat(harness.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n").head())
                .startsWith("HTTP/1.1 101 ");
        assertThat(READS).containsExactly(1);
    }

    @Test
    @DisplayName("a field over the context's limit is read once and refused with 431")
    void overTheLimit() throws IOException, ServletException {
        String upgrade = "echo/1, " + "x".repeat(1100);
        assertThat(harness.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: " + upgrade + "\r\nConnection: upgrade\r\n\r\n")
                .head()).startsWith("HTTP/1.1 431 ");
        assertThat(READS).containsExactly(1);
    }

    @Test
    void urlPatternsMatchAsInAFilterMapping() {
        PathPatterns patterns = PathPatterns.of(List.of("/ws/*", "*.jsp", "/exact"));
        assertThat(List.of("/ws", "/ws/a", "/a/b.jsp", "/exact").stream().allMatch(p -> matches(patterns, p))).isTrue();
        assertThat(List.of("/wsx", "/exact/a", "/a.jspx", "/").stream().noneMatch(p -> matches(patterns, p))).isTrue();
    }

    // ---- the stages, each reading Upgrade through the exchange as the modules' stages do

    private static void counting(Exchange exchange, Stage.Next next) throws IOException, jakarta.servlet.ServletException {
        AtomicInteger reads = new AtomicInteger();
        exchange.put(COUNT, reads);
        exchange.wrapRequest(new CountingRequest(exchange.request(), reads));
        WALK.add(Phase.TRANSPORT);
        try {
            next.proceed();
        } finally {
            READS.add(reads.get());
        }
    }

    private static void tlsPolicy(Exchange exchange, Stage.Next next) throws IOException, jakarta.servlet.ServletException {
        WALK.add(Phase.TLS_POLICY);
        Upgrade offered = exchange.upgrade().offeredOrNull();
        if (exchange.request().getRequestURI().startsWith("/secure/") && offered != null
                && offered.offers(ProtocolToken.parse("TLS/1.2"))) {
            exchange.narrowUpgrade(Upgrade.parse("echo/1"));
        }
        next.proceed();
    }

    /** The tunnel's CONNECT stage: CONNECT carries no Upgrade, and the stage does not read it. */
    private static void tunnel(Exchange exchange, Stage.Next next) throws IOException, jakarta.servlet.ServletException {
        WALK.add(Phase.TUNNEL_ROUTES);
        next.proceed();
    }

    /** The tunnel's upgrade routes, asked by negotiation, answering as if the backend said 204. */
    private static final class TunnelRoutes implements RoutedProtocol {
        @Override
        public boolean claims(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/tunnel/");
        }

        @Override
        public Decision decide(UpgradeRequest request) {
            WALK.add(Phase.NEGOTIATION);
            return Decision.respond(response -> response.setStatus(204));
        }

        @Override
        public String name() {
            return "tunnel";
        }
    }

    private static void guard(Exchange exchange, Stage.Next next) throws IOException, jakarta.servlet.ServletException {
        WALK.add(Phase.POST_DISPATCH_GUARD);
        exchange.upgrade();
        next.proceed();
    }

    // ---- plumbing

    private interface StageBody {
        void run(Exchange exchange, Stage.Next next) throws IOException, jakarta.servlet.ServletException;
    }

    private static StageContribution contribution(Phase phase, StageBody body) {
        return new StageContribution() {
            @Override
            public Phase phase() {
                return phase;
            }

            @Override
            public boolean enabled(ServletContext context, Settings settings) {
                return true;
            }

            @Override
            public Stage create(ServletContext context, Settings settings) {
                return body::run;
            }
        };
    }

    private static boolean matches(PathPatterns patterns, String path) {
        HttpServletRequest request = (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> path;
                    case "getPathInfo" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return patterns.matches(request);
    }

    /** Counts every look-up of the {@code Upgrade} field by the stages after it. */
    private static final class CountingRequest extends HttpServletRequestWrapper {
        private final AtomicInteger reads;

        CountingRequest(HttpServletRequest request, AtomicInteger reads) {
            super(request);
            this.reads = reads;
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            if (HttpSpec.UPGRADE.equalsIgnoreCase(name) && value == null) {
                reads.incrementAndGet(); // the look-up that finds no field is the whole read
            }
            return value;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpSpec.UPGRADE.equalsIgnoreCase(name)) {
                reads.incrementAndGet();
            }
            Enumeration<String> values = super.getHeaders(name);
            return values == null ? Collections.emptyEnumeration() : values;
        }
    }
}
