package dev.switchboard.bench.faults;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.sun.management.UnixOperatingSystemMXBean;

/** Readings of this JVM for the fault runs: open descriptors, and Switchboard's counters of a context. */
final class Probe {

    private Probe() {
    }

    /** Descriptors this process has open. */
    static long fds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
    }

    /**
     * Waits up to ten seconds for the descriptors to fall to {@code baseline} or below, and
     * returns the last count: the sockets of a case are closed by threads of their own.
     */
    static long fdsSettled(long baseline) throws InterruptedException {
        long now = fds();
        for (int i = 0; i < 100 && now > baseline; i++) {
            Thread.sleep(100);
            now = fds();
        }
        return now;
    }

    /** A counter of the tunnel of {@code context}: {@code type} {@code Tunnel} or {@code UpgradeProtocol}. */
    static long tunnelCounter(String context, String type, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("dev.switchboard:type=" + type + ",context=" + ObjectName.quote(context)
                    + (type.equals("UpgradeProtocol") ? ",protocol=" + ObjectName.quote("tunnel") : ""));
            return ((Number) server.getAttribute(name, attribute)).longValue();
        } catch (JMException e) {
            throw new IllegalStateException("no tunnel counter " + type + "." + attribute + " for " + context, e);
        }
    }

    /** The byte at {@code offset} of the test streams, so that a lost, doubled or moved byte shows. */
    static byte pattern(long offset) {
        return (byte) (offset * 31 + (offset >>> 16));
    }
}
