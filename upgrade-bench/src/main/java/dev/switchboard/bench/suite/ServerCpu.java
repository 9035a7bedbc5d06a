package dev.switchboard.bench.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.coyote.AbstractProtocol;

import dev.switchboard.it.EmbeddedTomcat;

/**
 * CPU time a server has used so far, which is steadier per operation than operations per
 * second when the load generator shares the machine's cores (BENCHMARKING.md): the threads of
 * a server in this JVM, found by name, or a whole process from {@code /proc}.
 */
public final class ServerCpu {

    private ServerCpu() {
    }

    /** CPU nanoseconds used so far by the live threads of this JVM whose names start with {@code prefix}. */
    public static long threads(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * CPU nanoseconds used so far by the threads Switchboard runs for the application at
     * {@code contextPath} in this JVM (its timer, the tunnel's relay loop, Tomcat's takeover
     * loop: {@code switchboard-<job> <context path>}).
     */
    public static long switchboardThreads(String contextPath) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("switchboard-")
                    && info.getThreadName().endsWith(" " + contextPath)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** The name prefix of an embedded Tomcat's connector threads, such as {@code http-nio-127.0.0.1-auto-1-}. */
    public static String tomcatThreads(EmbeddedTomcat tomcat) {
        String name = ((AbstractProtocol<?>) tomcat.tomcat().getConnector().getProtocolHandler()).getName()
                .replace("\"", "");
        // Threads are named at start, before a port-0 connector's name gains its port.
        String port = "-" + tomcat.tomcat().getConnector().getLocalPort();
        return (name.endsWith(port) ? name.substring(0, name.length() - port.length()) : name) + "-";
    }

    /** CPU nanoseconds (user and system) used so far by process {@code pid} and its descendants, from {@code /proc}. */
    public static long process(long pid) throws IOException {
        long ticks = ticks(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
            ticks += ticks(child.pid());
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long ticks(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String s = Files.readString(stat);
        // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }
}
