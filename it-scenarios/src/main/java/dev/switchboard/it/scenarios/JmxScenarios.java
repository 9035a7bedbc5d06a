package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The counters as JMX shows them. The container runs in the test's JVM, so the platform
 * MBean server is the container's.
 */
public abstract class JmxScenarios {

    public static WebArchive war() {
        return Deployments.upgradeApp("jmx");
    }

    protected abstract ServerUnderTest server();

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    private ObjectName protocol(String name) throws Exception {
        return new ObjectName("dev.switchboard:type=UpgradeProtocol,context=" + ObjectName.quote("/jmx")
                + ",protocol=" + ObjectName.quote(name));
    }

    private ObjectName filter() throws Exception {
        return new ObjectName("dev.switchboard:type=UpgradeFilter,context=" + ObjectName.quote("/jmx"));
    }

    private long number(ObjectName name, String attribute) throws Exception {
        return ((Number) mbeans.getAttribute(name, attribute)).longValue();
    }

    @Test
    @DisplayName("JMX counts upgrades, open connections and bytes per protocol")
    void countsUpgradesConnectionsAndBytes() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "echo/1"));
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send("12345");
            assertThat(c.readString(5)).isEqualTo("12345");
            ObjectName echo = protocol("echo/1");
            assertThat(number(echo, "Upgrades")).isPositive();
            assertThat(number(echo, "ActiveConnections")).isPositive();
            assertThat(number(echo, "BytesReceived")).isGreaterThanOrEqualTo(5);
            // Sent bytes are counted when the container reports the write complete, which may be after the peer has them.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(number(echo, "BytesSent")).isGreaterThanOrEqualTo(5));
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(number(protocol("echo/1"), "ActiveConnections")).isZero());
    }

    @Test
    @DisplayName("JMX counts upgraded connections by the transport that carried them")
    void countsConnectionsByTransport() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "echo/1"));
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send("12345");
            assertThat(c.readString(5)).isEqualTo("12345");
            assertThat(reasons(protocol("echo/1"), "ConnectionsByTransport")).containsOnlyKeys(transport());
        }
    }

    /** The transport this container runs upgraded connections on with the default settings. */
    protected String transport() {
        return "servlet";
    }

    @Test
    @DisplayName("JMX counts refusals by reason and requests that were ignored or rejected")
    void countsRefusalsAndRejections() throws Exception {
        exchange(upgrade(server(), "x", "refuse/1"));
        exchange(upgrade(server(), "x", "echo/1, \"bad\""));
        exchange(Requests.head("GET", server().path("x"), "HTTP/1.0", server().host(), "Upgrade: echo/1",
                "Connection: upgrade"));
        assertThat(number(protocol("refuse/1"), "Refusals")).isPositive();
        assertThat(reasons(protocol("refuse/1"), "RefusalsByReason")).containsKey("403");
        assertThat(number(filter(), "Rejected")).isPositive();
        assertThat(reasons(filter(), "RejectedByReason")).containsKey("invalid-field");
        assertThat(reasons(filter(), "IgnoredByReason")).containsKey("http-1.0");
        assertThat(number(filter(), "UpgradeRequests")).isGreaterThanOrEqualTo(3);
    }

    private void exchange(String request) throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request).readResponse();
        }
    }

    /** An MXBean {@code Map<String, Long>} attribute, which JMX shows as tabular data. */
    private Map<String, Long> reasons(ObjectName name, String attribute) throws Exception {
        TabularData table = (TabularData) mbeans.getAttribute(name, attribute);
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Object row : table.values()) {
            CompositeData cd = (CompositeData) row;
            out.put((String) cd.get("key"), (Long) cd.get("value"));
        }
        return out;
    }
}
