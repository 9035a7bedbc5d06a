package dev.switchboard.bench.scenario;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.it.WebSocketDeployments;
import dev.switchboard.tomcat.buffers.ConnectionBuffers;

/**
 * The server side of the memory scenario, in a JVM of its own so that its heap holds nothing
 * but the server: an embedded Tomcat with one application and no connection limit. It prints
 * {@code port <n>} once started, then answers commands on standard input: {@code heap} runs a
 * full collection (three, a moment apart) and prints {@code heap <bytes used> <bytes max>}; {@code quit}
 * stops it.
 *
 * <p>Arguments: {@code tomcat-websocket | switchboard-websocket | switchboard-websocket-small | echo |
 * tunnel <backend URL>}; {@code switchboard-websocket-small} serves on a connector whose buffers
 * {@link ConnectionBuffers} sizes, with its defaults, and prints that connector's port.
 */
public final class MemoryServer {

    private static final String SMALL = "small";

    private MemoryServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> quiet = Map.of("switchboard.idleTimeout", "10m", "switchboard.jmx", "false");
        WebArchive war = switch (args[0]) {
            case "tomcat-websocket" -> WebSocketDeployments.app("ws",
                    Map.of("switchboard.enabled", "false", "switchboard.jmx", "false"));
            case "switchboard-websocket", "switchboard-websocket-small" -> WebSocketDeployments.app("ws", quiet);
            case "echo" -> Deployments.upgradeApp("echo", quiet);
            case "tunnel" -> ProxyDeployments.gateway("gw", Map.of("switchboard.proxy.routes", "/t/ -> " + args[1],
                    "switchboard.proxy.idleTimeout", "10m", "switchboard.proxy.maxTunnels", "100000",
                    "switchboard.proxy.responseTimeout", "30s", "switchboard.jmx", "false"));
            default -> throw new IllegalArgumentException("unknown server " + args[0]);
        };
        boolean small = args[0].endsWith("-small");
        EmbeddedTomcat.Builder builder = EmbeddedTomcat.builder(war);
        if (small) {
            builder.connector(SMALL, c -> {
                c.setProperty("maxConnections", "-1");
                new ConnectionBuffers().install(c);
            });
        }
        try (EmbeddedTomcat tomcat = builder.start()) {
            tomcat.tomcat().getConnector().setProperty("maxConnections", "-1");
            System.out.println("port " + (small ? tomcat.server(SMALL) : tomcat.server()).base().getPort());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("heap")) {
                    System.out.println(Heap.answer());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
