package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.testing.tls.TomcatHttps;
import dev.switchboard.tomcat.tls.ConnectorTls;

/**
 * What one exchange of the {@code rfc2817} and {@code rfc2817-connector} scenarios puts on the
 * wire, from the kernel's TCP counters rather than a clock, so that a busy machine gives the
 * same answer as a quiet one: segments, data segments, connections, delayed ACKs, and the
 * threads the JVM started, per exchange, for direct HTTPS and both RFC 2817 forms against one
 * Tomcat. The counters are those of the network namespace the JVM runs in: run it in one of
 * its own (upgrade-bench/README.md), or other traffic on the machine is counted too.
 *
 * <p>Usage: {@code Rfc2817Wire [exchanges]}, 500 by default, after as many to warm up.
 */
public final class Rfc2817Wire {

    private static final List<String> COUNTERS = List.of("Tcp:OutSegs", "TcpExt:TCPOrigDataSent",
            "Tcp:ActiveOpens", "TcpExt:DelayedACKs");

    private Rfc2817Wire() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        TestKeyStore keys = TestKeyStore.shared();
        SSLContext client = keys.clientContext();
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.builder(TlsDeployments.tlsApp("tls",
                        Map.of("switchboard.tls.handshakeTimeout", "10s", "switchboard.jmx", "false",
                                "switchboard.tls.optionalUpgrade", "/secure/*")))
                .connector("rfc2817", c -> new ConnectorTls().keystore(keys.file(), keys.password()).install(c))
                .start()) {
            int httpsPort = TomcatHttps.addConnector(tomcat.tomcat().getService(), 0, keys);
            int plainPort = tomcat.server().base().getPort();
            int connectorPort = tomcat.server("rfc2817").base().getPort();
            String path = tomcat.server().path("secure/page");
            Map<String, Rfc2817Scenario.Exchange> exchanges = new LinkedHashMap<>();
            exchanges.put("direct HTTPS", () -> Rfc2817Scenario.direct(client, httpsPort, path));
            exchanges.put("RFC 2817, filter", () -> Rfc2817Scenario.upgraded(client, plainPort, path));
            exchanges.put("RFC 2817, connector", () -> ConnectorRfc2817Scenario.upgraded(client, connectorPort, path));
            for (Rfc2817Scenario.Exchange exchange : exchanges.values()) {
                repeat(exchange, n);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            System.out.println("| per exchange | segments | data segments | connections | delayed ACKs | threads started |");
            System.out.println("|---|---|---|---|---|---|");
            for (Map.Entry<String, Rfc2817Scenario.Exchange> e : exchanges.entrySet()) {
                Thread.sleep(500); // the last exchange's ACKs and FINs
                Map<String, Long> before = counters();
                long started = threads.getTotalStartedThreadCount();
                repeat(e.getValue(), n);
                Thread.sleep(500);
                Map<String, Long> after = counters();
                StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
                for (String counter : COUNTERS) {
                    row.append(String.format(" %.2f |", (after.get(counter) - before.get(counter)) / (double) n));
                }
                row.append(String.format(" %.2f |", (threads.getTotalStartedThreadCount() - started) / (double) n));
                System.out.println(row);
            }
        }
    }

    private static void repeat(Rfc2817Scenario.Exchange exchange, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            exchange.run();
        }
    }

    /** The kernel's TCP counters, as {@code Tcp:OutSegs} and the like. */
    private static Map<String, Long> counters() throws IOException {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String file : List.of("/proc/net/snmp", "/proc/net/netstat")) {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int j = 1; j < Math.min(names.length, values.length); j++) {
                    counters.put(names[0] + names[j], Long.parseLong(values[j]));
                }
            }
        }
        return counters;
    }
}
