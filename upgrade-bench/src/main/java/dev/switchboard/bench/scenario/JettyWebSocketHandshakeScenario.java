package dev.switchboard.bench.scenario;

import java.util.List;

import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.Target;

/**
 * Scenario 2 on Jetty 12.1: Switchboard's WebSocket handshake against Jetty's own. Listed as not
 * measured until Switchboard's Jetty adapter is in this build: the suite never reports a
 * figure it did not measure.
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
        throw new IllegalStateException("Switchboard's Jetty 12.1 adapter is not yet merged into this build");
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "handshakes/s", TARGET.toString(), reason));
    }
}
