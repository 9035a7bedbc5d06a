package dev.switchboard.bench.scenario;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.WebSocketDeployments;

/**
 * Scenario 2 on Jetty 12.1: the Tomcat scenario ({@link WebSocketHandshakeScenario}) with the
 * same WARs, client, pairs and rows, against Jetty's own handshake. Jetty runs in a JVM of its
 * own ({@link JettyServer}), because this one holds Tomcat's WebSocket implementation and each
 * container would find the other's initializers. The WARs are built here and handed over as
 * files.
 *
 * <p>The server JVM's class path is this module's classes, the file named by
 * {@value #CLASSPATH_PROPERTY} (Jetty, its APIs and logging, as {@code dependency:build-classpath}
 * writes a class path) and the jar named by {@value #ADAPTER_PROPERTY}
 * (upgrade-jetty); the bench profile of this module's POM sets both.
 */
public final class JettyWebSocketHandshakeScenario implements Scenario {

    /** The system property naming the file that lists Jetty's class path. */
    public static final String CLASSPATH_PROPERTY = "bench.jetty.classpath";

    /** The system property naming Switchboard's Jetty adapter (upgrade-jetty's jar). */
    public static final String ADAPTER_PROPERTY = "bench.jetty.adapter";

    private static final String NAME = "2. WebSocket handshakes, Jetty 12.1";
    private static final Target TARGET = Target.atLeast(0.95);

    /**
     * How many times the plan's warm-up each side gets. Jetty's Jakarta WebSocket binds method
     * handles to every new session's endpoint, and on two shared cores the JIT takes some 30 s of
     * this load before the rate settles (it rose about sixfold on the way when measured); a
     * short warm-up would leave the first pairs measuring the compiler.
     */
    private static final int WARM_UP_FACTOR = 5;

    /** By name: the class needs Jetty, which this JVM does not have. */
    static final String SERVER_MAIN = "dev.switchboard.bench.scenario.JettyServer";

    @Override
    public String name() {
        return "websocket-jetty";
    }

    @Override
    public String title() {
        return NAME;
    }

    @Override
    public Section run(Plan plan) throws Exception {
        String classPath = serverClassPath();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "websocket-jetty");
        Path off = export(WebSocketDeployments.app("off", Map.of("switchboard.enabled", "false", "switchboard.jmx", "false")),
                dir);
        Path on = export(WebSocketDeployments.app("on", Map.of("switchboard.jmx", "false")), dir);
        Path log = dir.resolve("jetty.log");
        try (ChildJvm jetty = ChildJvm.start(classPath, List.of(), SERVER_MAIN, List.of("off=" + off, "on=" + on), log)) {
            String version = jetty.expect("version ");
            int offPort = Integer.parseInt(jetty.expect("port off "));
            int onPort = Integer.parseInt(jetty.expect("port on "));
            Plan warmer = plan.withWarmUp(plan.warmUp().multipliedBy(WARM_UP_FACTOR));
            List<Interleaved> results = Interleaved.run("WebSocket on Jetty", warmer, side(jetty, "off", offPort,
                    "/off/a/container"), List.of(side(jetty, "on", onPort, "/on/a/container"),
                    side(jetty, "on", onPort, "/on/p/echo")));
            String annotated = NAME + ": annotated endpoint, Switchboard then Jetty's filter";
            String programmatic = NAME + ": programmatic endpoint, Switchboard's upgradeHttpToWebSocket";
            List<Row> rows = List.of(
                    Row.compared(annotated, "handshakes/s", "%.0f", results.get(0), "handshakes/s", TARGET),
                    Row.compared(annotated, "server CPU µs/handshake", "%.0f", results.get(0), "cpu", null),
                    Row.compared(programmatic, "handshakes/s", "%.0f", results.get(1), "handshakes/s", TARGET),
                    Row.compared(programmatic, "server CPU µs/handshake", "%.0f", results.get(1), "cpu", null));
            String details = String.format("""
                    Embedded Jetty %s (ee10, with annotations and Jakarta WebSocket, and Switchboard's Jetty \
                    adapter on its class path), two instances in a JVM of their own serving the WebSocket test \
                    application of the Tomcat scenario: baseline `/off/a/container` (an annotated endpoint, \
                    Switchboard off, so Jetty's own handshake), candidates `/on/a/container` (the same endpoint \
                    with Switchboard on, which lets Jetty's WebSocket filter switch) and `/on/p/echo` (a \
                    programmatic endpoint with an origin and subprotocol policy, which Switchboard switches with \
                    Jetty's `upgradeHttpToWebSocket`). The same client as on Tomcat: %d connections at a time from \
                    one NIO client thread, each connecting, sending the opening handshake, reading the 101, sending \
                    a close frame and reading the server's close and end of stream. Each side is warmed up for %d s \
                    (%d times the plan's warm-up: Jetty's WebSocket binds method handles to every new session, and \
                    its rate rises several times over in the first half minute of load while the JIT compiles \
                    them), then measured in %d interleaved pairs of %d s. Server CPU: the threads of the target's \
                    pool (acceptor, selector and every task that handles a request or a frame), read in the \
                    server's JVM.
                    """, version, WebSocketHandshakeScenario.CONNECTIONS, warmer.warmUp().toSeconds(), WARM_UP_FACTOR,
                    plan.pairs(), plan.run().toSeconds());
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(ChildJvm jetty, String server, int port, String path) {
        return WebSocketHandshakeScenario.handshakes(new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port,
                path, () -> Long.parseLong(jetty.ask("cpu " + server, "cpu ")));
    }

    static Path export(WebArchive war, Path dir) {
        Path file = dir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** This module's classes, then Jetty's class path and the adapter, as the bench profile names them. */
    static String serverClassPath() throws IOException, URISyntaxException {
        String listing = System.getProperty(CLASSPATH_PROPERTY, "");
        String adapter = System.getProperty(ADAPTER_PROPERTY, "");
        if (listing.isBlank() || !Files.isRegularFile(Path.of(listing)) || adapter.isBlank()
                || !Files.exists(Path.of(adapter))) {
            throw new IllegalStateException("Jetty's class path is not given: run the suite with -Pbench (run.sh), "
                    + "which sets -D" + CLASSPATH_PROPERTY + " and -D" + ADAPTER_PROPERTY);
        }
        String classes = new File(JettyWebSocketHandshakeScenario.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).getPath();
        return String.join(File.pathSeparator, classes, Files.readString(Path.of(listing)).trim(), adapter);
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "handshakes/s", TARGET.toString(), reason));
    }
}
