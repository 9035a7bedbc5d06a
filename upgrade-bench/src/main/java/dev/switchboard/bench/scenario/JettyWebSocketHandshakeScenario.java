package dev.switchboard.bench.scenario;

import java.util.List;

import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Target;

/**
 * Scenario 2 on Jetty 12.1: Switchboard's WebSocket handshake against Jetty's own. Listed as not
 * measured until the bench starts Jetty, which needs a JVM of its own with Jetty's class path
 * (this module's holds Tomcat's WebSocket implementation): the suite never reports a figure it
 * did not measure.
 */
public final class JettyWebSocketHandshakeScenario implements Scenario {

    private static final String NAME = "2. WebSocket handshakes, Jetty 12.1";
    private static final Target TARGET = Target.atLeast(0.95);

    @Override
    public String name() {
        return "websocket-jetty";
    }

    @Override
    public String title() {
        return NAME;
    }

    @Override
    public Section run(Plan plan) {
        throw new IllegalStateException("the bench does not start Jetty 12.1 yet (it needs a server JVM with Jetty's class path)");
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "handshakes/s", TARGET.toString(), reason));
    }
}
