package dev.switchboard.bench.scenario;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.tomcat.util.descriptor.web.FilterMap;

import dev.switchboard.bench.load.HttpGetLoad;
import dev.switchboard.bench.suite.Interleaved;
import dev.switchboard.bench.suite.Plan;
import dev.switchboard.bench.suite.Row;
import dev.switchboard.bench.suite.Sample;
import dev.switchboard.bench.suite.Scenario;
import dev.switchboard.bench.suite.Section;
import dev.switchboard.bench.suite.ServerCpu;
import dev.switchboard.bench.suite.Target;
import dev.switchboard.it.EmbeddedTomcat;

/**
 * Scenario 1: what Switchboard costs a request that does not upgrade. Two embedded Tomcats in
 * this JVM serve the same servlet, one with every Switchboard jar and filter, one without;
 * the same NIO client sends keep-alive {@code GET}s to each in turn.
 */
public final class PlainGetScenario implements Scenario {

    private static final String NAME = "1. Plain GET through every filter";
    private static final int CONNECTIONS = 16;

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String title() {
        return NAME + " (Tomcat)";
    }

    @Override
    public Section run(Plan plan) throws Exception {
        try (EmbeddedTomcat without = EmbeddedTomcat.start(BenchDeployments.plainApp("plain"));
                EmbeddedTomcat with = EmbeddedTomcat.start(BenchDeployments.allFiltersApp("switchboard"))) {
            Interleaved pairs = Interleaved.run("GET", plan, side(without), side(with));
            List<Row> rows = List.of(
                    Row.compared(NAME, "requests/s", "%.0f", pairs, "requests/s", Target.atLeast(0.98)),
                    Row.compared(NAME, "server CPU µs/request", "%.1f", pairs, "cpu", null));
            String details = String.format("""
                    Embedded Tomcat %s, two instances in one JVM; %d keep-alive connections from one NIO client \
                    thread, `GET /<app>/page` answered by the same servlet (about 120 bytes). \
                    Baseline filters: %s. Candidate filters: %s, with `upgrade-servlet`, `upgrade-tls-filter`, \
                    `upgrade-proxy` and `upgrade-websocket` in `WEB-INF/lib`. Server CPU is the CPU time of the \
                    target's connector threads divided by the requests served.
                    """, org.apache.catalina.util.ServerInfo.getServerNumber(), CONNECTIONS, filters(without),
                    filters(with));
            return new Section(title(), rows, details);
        }
    }

    private static Interleaved.Side side(EmbeddedTomcat tomcat) {
        String threads = ServerCpu.tomcatThreads(tomcat);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", tomcat.server().base().getPort());
        String path = tomcat.server().path("page");
        return (Duration d) -> {
            long cpu = ServerCpu.threads(threads);
            HttpGetLoad.Result r = HttpGetLoad.run(address, tomcat.server().host(), path, CONNECTIONS, d);
            long used = ServerCpu.threads(threads) - cpu;
            return new Sample().put("requests/s", r.perSecond()).put("cpu", used / 1e3 / Math.max(1, r.requests()));
        };
    }

    /** The filters the deployed context maps, in order, as the report's evidence of what was compared. */
    private static String filters(EmbeddedTomcat tomcat) {
        FilterMap[] maps = tomcat.context().findFilterMaps();
        return maps.length == 0 ? "none"
                : Arrays.stream(maps).map(f -> "`" + f.getFilterName() + "`").distinct()
                        .collect(Collectors.joining(", "));
    }

    @Override
    public List<Row> notMeasured(String reason) {
        return List.of(Row.notMeasured(NAME, "requests/s", Target.atLeast(0.98).toString(), reason));
    }
}
