package dev.switchboard.it;

import java.lang.management.ManagementFactory;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.switchboard.testing.ServerUnderTest;

/**
 * The JMX counters of one protocol of a deployed application, read the way an operator reads
 * them: {@code dev.switchboard:type=UpgradeProtocol,context="/app",protocol="echo/1"}. The
 * embedded containers of the test suites run in the test's JVM, so the platform MBean server
 * is theirs. Before the protocol's first upgrade there is no MBean, and every counter reads 0.
 */
public final class ProtocolCounters {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    private ProtocolCounters(ObjectName name) {
        this.name = name;
    }

    /** The counters of {@code protocol} (as named in JMX, usually its first token) in {@code app}. */
    public static ProtocolCounters of(ServerUnderTest app, String protocol) {
        String path = app.base().getPath();
        String context = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        try {
            return new ProtocolCounters(new ObjectName("dev.switchboard:type=UpgradeProtocol,context="
                    + ObjectName.quote(context) + ",protocol=" + ObjectName.quote(protocol)));
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Upgraded connections of the protocol open now. */
    public int activeConnections() {
        return ((Number) attribute("ActiveConnections")).intValue();
    }

    /** Bytes the protocol's handlers have read from their peers. */
    public long bytesReceived() {
        return ((Number) attribute("BytesReceived")).longValue();
    }

    /** Bytes the protocol's handlers have handed to the container for their peers. */
    public long bytesSent() {
        return ((Number) attribute("BytesSent")).longValue();
    }

    /** Requests switched to the protocol. */
    public long upgrades() {
        return ((Number) attribute("Upgrades")).longValue();
    }

    private Object attribute(String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (InstanceNotFoundException e) {
            return 0;
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + " active=" + activeConnections() + " received=" + bytesReceived() + " sent=" + bytesSent();
    }
}
