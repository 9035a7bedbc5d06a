package dev.switchboard.it.jetty;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.Container;
import dev.switchboard.it.ServerUnderTest;

/**
 * An embedded Jetty 12.1 ee10 on a free loopback port with one WAR deployed the way a deployer
 * would deploy it: the ShrinkWrap archive is exported to a file and handed to a
 * {@link WebAppContext}, which unpacks it, runs its {@code ServletContainerInitializer}s and
 * reads its {@code web.xml}. The JVM's classpath is Jetty's server classpath.
 *
 * <pre>
 * try (EmbeddedJetty jetty = EmbeddedJetty.start(Deployments.upgradeApp("app"))) {
 *     ServerUnderTest server = jetty.server();
 * }
 * </pre>
 */
public final class EmbeddedJetty implements AutoCloseable {

    private final Server server;
    private final URI base;
    private final Container container = new Container("Jetty", Jetty.VERSION);

    private EmbeddedJetty(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Deploys {@code war} at {@code /<war name without .war>} and starts Jetty. */
    public static EmbeddedJetty start(WebArchive war) throws Exception {
        return start(war, context -> {
        });
    }

    /**
     * Deploys {@code war} like {@link #start(WebArchive)}, letting {@code customizer} adjust the
     * web application context first (as a deployer's context XML would).
     */
    public static EmbeddedJetty start(WebArchive war, Consumer<WebAppContext> customizer) throws Exception {
        Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "switchboard-jetty");
        String contextPath = "/" + war.getName().replaceFirst("\\.war$", "");
        File warFile = workDir.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(warFile, true);

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        WebAppContext context = new WebAppContext(warFile.getAbsolutePath(), contextPath);
        context.setTempDirectory(workDir.resolve("work").toFile());
        customizer.accept(context);
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            stop(server);
            throw new IllegalStateException("the web application did not start: " + context.getUnavailableException());
        }
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
        return new EmbeddedJetty(server, base);
    }

    /** The deployed application as scenarios see it. */
    public ServerUnderTest server() {
        URI uri = base;
        Container jetty = container;
        return new ServerUnderTest() {
            @Override
            public URI base() {
                return uri;
            }

            @Override
            public Container container() {
                return jetty;
            }
        };
    }

    /** The underlying Jetty server, for tests that add connectors. */
    public Server jetty() {
        return server;
    }

    /** Stops Jetty and waits for its threads. */
    @Override
    public void close() {
        stop(server);
    }

    private static void stop(Server server) {
        try {
            server.stop();
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Jetty", e);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return container + " at " + base;
    }
}
