package dev.switchboard.bench.soak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.it.WebSocketDeployments;

/**
 * The server of the soak, alone in a JVM: one embedded Tomcat, one connector with no
 * connection limit, three applications: {@code /echo} ({@code echo/1}), {@code /ws}
 * (Switchboard's WebSocket, an echo with default limits at {@code /ws/p/nodeflate}) and {@code /gw}, a tunnel whose route
 * {@code /gw/t/} leads back to {@code /echo/} on the same connector, so that a tunnelled
 * connection holds three of this JVM's sockets. Idle timeouts are ten minutes, the tunnel cap
 * 100,000.
 *
 * <p>Prints {@code port <n>} once started, then answers commands on standard input:
 * {@code stats} runs full collections and prints {@code stats <heap used after GC> <heap max>
 * <open file descriptors> <live threads>}; {@code histogram} writes the largest entries of a class
 * histogram of the live heap to the log (standard error); {@code quit}, or the end of standard input,
 * stops it.
 */
public final class SoakServer {

    private SoakServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> quiet = Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false");
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(Deployments.upgradeApp("echo", quiet))) {
            Connector connector = tomcat.tomcat().getConnector();
            // Tomcat caches the channel objects of closed connections, with their buffers, in a cache sized when the
            // connector starts: bounded here, so that the end figure shows what connections leave behind, not the cache.
            connector.stop();
            connector.setProperty("maxConnections", "-1");
            connector.setProperty("socket.bufferPool", "500");
            connector.start();
            int port = tomcat.server().base().getPort();
            tomcat.deploy(WebSocketDeployments.app("ws", quiet));
            tomcat.deploy(ProxyDeployments.gateway("gw", Map.of(
                    "switchboard.proxy.routes", "/t/ -> http://127.0.0.1:" + port + "/echo/",
                    "switchboard.proxy.idleTimeout", "10m", "switchboard.proxy.maxTunnels", "100000",
                    "switchboard.proxy.responseTimeout", "30s", "switchboard.jmx", "false")));
            System.out.println("port " + port);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.out.println("stats " + stats());
                    System.out.flush();
                } else if (line.equals("histogram")) {
                    System.err.println(histogram());
                    System.out.println("histogram written to the log");
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    /** The first lines of the JVM's class histogram of live objects (what {@code jmap -histo:live} prints). */
    static String histogram() throws Exception {
        String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        return all.lines().limit(15).collect(Collectors.joining("\n"));
    }

    /** Heap used after full collections and its maximum, open descriptors and live threads, space-separated. */
    static String stats() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        long fds = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return heap + " " + max + " " + fds + " " + threads;
    }
}
