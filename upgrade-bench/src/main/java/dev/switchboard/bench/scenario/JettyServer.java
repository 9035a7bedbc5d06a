package dev.switchboard.bench.scenario;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.switchboard.bench.suite.ServerCpu;

/**
 * The server side of the Jetty handshake scenario, in a JVM of its own ({@link ChildJvm}) whose
 * class path is Jetty 12.1 ee10's with Switchboard's Jetty adapter, as a Jetty deployment has
 * them (the bench profile of this module's POM lists it): one Jetty per web application, as the
 * Tomcat scenario has one Tomcat per application, each with its own thread pool and one
 * HTTP/1.1 connector on a free loopback port.
 *
 * <p>Arguments: {@code <name>=<war file> ...}, each deployed at {@code /<name>} and unpacked
 * into {@code <name>-work} next to the WAR. Once all have started it prints {@code version
 * <Jetty's version>} and {@code port <name> <port>} for each, in the order given, then answers
 * commands on standard input: {@code cpu <name>} prints {@code cpu <nanoseconds>}, the CPU time
 * used so far by that server's pool threads (acceptor, selector and every task that handles a
 * request or a WebSocket frame); {@code heap} prints the JVM's heap after collection as
 * {@link MemoryServer} does; {@code quit}, or the end of the input, stops the servers and exits.
 */
public final class JettyServer {

    private JettyServer() {
    }

    /** Exits 0 after {@code quit}; on any failure prints it to standard error and exits 1, whatever threads remain. */
    public static void main(String[] args) {
        int status = 0;
        try {
            serve(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void serve(String[] args) throws Exception {
        Map<String, ServerConnector> servers = new LinkedHashMap<>();
        try {
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected <name>=<war file> but was " + arg);
                }
                String name = arg.substring(0, eq);
                Path war = Path.of(arg.substring(eq + 1)).toAbsolutePath();
                servers.put(name, start(name, war, war.resolveSibling(name + "-work")));
            }
            System.out.println("version " + Jetty.VERSION);
            servers.forEach((name, connector) -> System.out.println("port " + name + " " + connector.getLocalPort()));
            System.out.flush();
            answer(servers);
        } finally {
            for (ServerConnector connector : servers.values()) {
                connector.getServer().stop();
            }
        }
    }

    private static void answer(Map<String, ServerConnector> servers) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            if (line.equals("heap")) {
                System.out.println(Heap.answer());
            } else if (line.startsWith("cpu ") && servers.containsKey(line.substring(4))) {
                System.out.println("cpu " + ServerCpu.threads(threadPrefix(line.substring(4))));
            } else {
                System.out.println("error unknown command or server: " + line);
            }
            System.out.flush();
        }
    }

    /** Starts a Jetty with the WAR at {@code /<name>}; fails unless the application is available. */
    private static ServerConnector start(String name, Path war, Path work) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName(poolName(name));
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext context = new WebAppContext(war.toString(), "/" + name);
        context.setTempDirectory(work.toFile());
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the web application " + name + " did not start",
                    context.getUnavailableException());
        }
        return connector;
    }

    private static String poolName(String name) {
        return "jetty-" + name;
    }

    /** A pool names its threads {@code <pool name>-<thread id>}. */
    private static String threadPrefix(String name) {
        return poolName(name) + "-";
    }
}
