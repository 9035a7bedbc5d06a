package dev.switchboard.bench.scenario;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.it.WebSocketDeployments;

/**
 * The server side of the memory scenario, in a JVM of its own so that its heap holds nothing
 * but the server: an embedded Tomcat with one application and no connection limit. It prints
 * {@code port <n>} once started, then answers commands on standard input: {@code heap} runs a
 * full collection (three, a moment apart) and prints {@code heap <bytes used> <bytes max>}; {@code quit}
 * stops it.
 *
 * <p>Arguments: {@code tomcat-websocket | switchboard-websocket | echo | tunnel <backend URL>}.
 */
public final class MemoryServer {

    private MemoryServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> quiet = Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false");
        WebArchive war = switch (args[0]) {
            case "tomcat-websocket" -> WebSocketDeployments.app("ws",
                    Map.of("switchboard.enabled", "false", "switchboard.jmx", "false"));
            case "switchboard-websocket" -> WebSocketDeployments.app("ws", quiet);
            case "echo" -> Deployments.upgradeApp("echo", quiet);
            case "tunnel" -> ProxyDeployments.gateway("gw", Map.of("switchboard.proxy.routes", "/t/ -> " + args[1],
                    "switchboard.proxy.idleTimeout", "10m", "switchboard.proxy.maxTunnels", "100000",
                    "switchboard.proxy.responseTimeout", "30s", "switchboard.jmx", "false"));
            default -> throw new IllegalArgumentException("unknown server " + args[0]);
        };
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(war)) {
            tomcat.tomcat().getConnector().setProperty("maxConnections", "-1");
            System.out.println("port " + tomcat.server().base().getPort());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("heap")) {
                    System.out.println("heap " + heapAfterGc() + " "
                            + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    /** Heap in use after full collections, in bytes. */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
