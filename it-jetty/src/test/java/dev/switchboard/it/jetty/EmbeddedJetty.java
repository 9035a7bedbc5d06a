package dev.switchboard.it.jetty;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.testing.Container;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.TestCertificates;

/**
 * An embedded Jetty 12.1 on free loopback ports with one WAR deployed the way a deployer
 * would deploy it: the ShrinkWrap archive is exported to a file and handed to a
 * {@code WebAppContext} of the {@link JettyEnvironment} under test, which unpacks it, runs its {@code ServletContainerInitializer}s and
 * reads its {@code web.xml}. The JVM's classpath is Jetty's server classpath (so
 * Switchboard's Jetty adapter is there, and not in the WAR).
 *
 * <pre>
 * try (EmbeddedJetty jetty = EmbeddedJetty.builder(Deployments.upgradeApp("app"))
 *         .connector("h2c", http -&gt; new ConnectionFactory[] {
 *                 new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http)})
 *         .start()) {
 *     ServerUnderTest plain = jetty.server();
 *     ServerUnderTest h2c = jetty.server("h2c");
 * }
 * </pre>
 */
public final class EmbeddedJetty implements AutoCloseable {

    /** The name of the connector every instance has: plain HTTP/1.1. */
    public static final String DEFAULT = "http";

    private final Server server;
    private final ContextHandler context;
    private final String contextPath;
    private final Map<String, ServerConnector> connectors;
    private final Container container = new Container("Jetty", Jetty.VERSION);

    private EmbeddedJetty(Server server, ContextHandler context, String contextPath,
            Map<String, ServerConnector> connectors) {
        this.server = server;
        this.context = context;
        this.contextPath = contextPath;
        this.connectors = connectors;
    }

    /**
     * Deploys {@code war} at {@code /<war name without .war>} ({@code ROOT.war} at the root) and
     * starts Jetty with its plain connector.
     */
    public static EmbeddedJetty start(WebArchive war) throws Exception {
        return builder(war).start();
    }

    public static Builder builder(WebArchive war) {
        return new Builder(war);
    }

    /** The application behind the plain connector. */
    public ServerUnderTest server() {
        return server(DEFAULT);
    }

    /** The application behind the named connector. */
    public ServerUnderTest server(String connectorName) {
        ServerConnector connector = connectors.get(connectorName);
        if (connector == null) {
            throw new IllegalArgumentException("no connector " + connectorName + "; have " + connectors.keySet());
        }
        String scheme = connector.getConnectionFactory(SslConnectionFactory.class) != null ? "https" : "http";
        URI uri = URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
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

    /** The deployed application's context (a {@code WebAppContext}), for example to stop it. */
    public ContextHandler context() {
        return context;
    }

    /** Why the application did not start, as Jetty recorded it; {@code null} if it is available. */
    public Throwable unavailableCause() {
        return context.isAvailable() ? null : JettyEnvironment.unavailableCause(context);
    }

    /** The underlying Jetty server. */
    public Server jetty() {
        return server;
    }

    /** Stops Jetty and waits for its threads. */
    @Override
    public void close() {
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
        return container + " at " + server().base();
    }

    /** Configures the web application and connectors before start. */
    public static final class Builder {
        private final WebArchive war;
        private final Map<String, Function<HttpConfiguration, ConnectionFactory[]>> extra = new LinkedHashMap<>();
        private final Map<String, Boolean> secure = new LinkedHashMap<>();
        private Consumer<ContextHandler> customizer = context -> {
        };
        private boolean requireAvailable = true;
        private int port;

        private Builder(WebArchive war) {
            this.war = war;
        }

        /** Adjusts the web application context before it starts, as a deployer's context XML would. */
        public Builder customize(Consumer<ContextHandler> contextCustomizer) {
            customizer = customizer.andThen(contextCustomizer);
            return this;
        }

        /** The plain connector's port; by default a free one. For backends that tests must find at a fixed port. */
        public Builder port(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        /** Starts even if the web application fails to (for tests of deployment failures). */
        public Builder allowUnavailable() {
            requireAvailable = false;
            return this;
        }

        /** Adds a cleartext connector on a free port with the connection factories {@code factories} makes. */
        public Builder connector(String name, Function<HttpConfiguration, ConnectionFactory[]> factories) {
            extra.put(name, factories);
            secure.put(name, false);
            return this;
        }

        /**
         * Adds a TLS connector on a free port with {@link TestCertificates}; TLS hands over to the
         * first of the connection factories {@code factories} makes (ALPN, or HTTP/1.1).
         */
        public Builder tlsConnector(String name, Function<HttpConfiguration, ConnectionFactory[]> factories) {
            extra.put(name, factories);
            secure.put(name, true);
            return this;
        }

        public EmbeddedJetty start() throws Exception {
            Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "switchboard-jetty");
            String name = war.getName().replaceFirst("\\.war$", "");
            String contextPath = name.equals("ROOT") ? "" : "/" + name;
            File warFile = workDir.resolve(war.getName()).toFile();
            war.as(ZipExporter.class).exportTo(warFile, true);

            Server server = new Server();
            Map<String, ServerConnector> connectors = new LinkedHashMap<>();
            ServerConnector plain = connector(server, new HttpConnectionFactory(new HttpConfiguration()));
            plain.setPort(port);
            connectors.put(DEFAULT, plain);
            for (Map.Entry<String, Function<HttpConfiguration, ConnectionFactory[]>> e : extra.entrySet()) {
                HttpConfiguration http = new HttpConfiguration();
                if (secure.get(e.getKey())) {
                    http.addCustomizer(new SecureRequestCustomizer());
                    ConnectionFactory[] next = e.getValue().apply(http);
                    ConnectionFactory[] all = new ConnectionFactory[next.length + 1];
                    all[0] = new SslConnectionFactory(tls(), next[0].getProtocol());
                    System.arraycopy(next, 0, all, 1, next.length);
                    connectors.put(e.getKey(), connector(server, all));
                } else {
                    connectors.put(e.getKey(), connector(server, e.getValue().apply(http)));
                }
            }

            ContextHandler context = JettyEnvironment.webApp(warFile, contextPath.isEmpty() ? "/" : contextPath);
            context.setTempDirectory(workDir.resolve("work").toFile());
            customizer.accept(context);
            server.setHandler(context);
            server.start();
            EmbeddedJetty jetty = new EmbeddedJetty(server, context, contextPath, connectors);
            if (requireAvailable && !context.isAvailable()) {
                jetty.close();
                throw new IllegalStateException("the web application did not start", JettyEnvironment.unavailableCause(context));
            }
            return jetty;
        }

        private static ServerConnector connector(Server server, ConnectionFactory... factories) {
            ServerConnector connector = new ServerConnector(server, factories);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            return connector;
        }

        private static SslContextFactory.Server tls() throws IOException {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(TestCertificates.keystore().toString());
            ssl.setKeyStorePassword(TestCertificates.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            return ssl;
        }
    }
}
