package dev.switchboard.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.testing.Container;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.TestCertificates;

/**
 * An embedded Tomcat on free loopback ports with one WAR deployed, for tests that need a
 * real container configured in ways Arquillian's adapter does not offer (HTTP/2, TLS, extra
 * connectors). The WAR is the same archive the integration suite deploys.
 *
 * <pre>
 * try (EmbeddedTomcat tomcat = EmbeddedTomcat.builder(Deployments.upgradeApp("app"))
 *         .connector("h2c", c -&gt; c.addUpgradeProtocol(new Http2Protocol()))
 *         .start()) {
 *     ServerUnderTest plain = tomcat.server();
 *     ServerUnderTest h2c = tomcat.server("h2c");
 * }
 * </pre>
 */
public final class EmbeddedTomcat implements AutoCloseable {

    /** The name of the connector every instance has: plain HTTP/1.1. */
    public static final String DEFAULT = "http";

    private final Tomcat tomcat;
    private final Context context;
    private final String contextPath;
    private final Map<String, Connector> connectors;
    private final Path workDir;

    private EmbeddedTomcat(Tomcat tomcat, Context context, String contextPath, Map<String, Connector> connectors,
            Path workDir) {
        this.tomcat = tomcat;
        this.context = context;
        this.contextPath = contextPath;
        this.connectors = connectors;
        this.workDir = workDir;
    }

    /** Deploys {@code war} at {@code /<war name without .war>} and starts Tomcat with its plain connector. */
    public static EmbeddedTomcat start(WebArchive war) throws IOException, LifecycleException {
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
        Connector connector = connectors.get(connectorName);
        if (connector == null) {
            throw new IllegalArgumentException("no connector " + connectorName + "; have " + connectors.keySet());
        }
        String scheme = connector.getSecure() ? "https" : "http";
        URI uri = URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
        Container container = Container.tomcat();
        return new ServerUnderTest() {
            @Override
            public URI base() {
                return uri;
            }

            @Override
            public Container container() {
                return container;
            }
        };
    }

    /** The deployed application's context, for example to see whether it started. */
    public Context context() {
        return context;
    }

    /**
     * Deploys one more application, at {@code /<war name without .war>}, on the running Tomcat
     * and behind the same connectors, with the same class path scanning as the first: for a
     * server that must hold several applications, such as a tunnel and the backend it tunnels to.
     *
     * @return the new application's context, started
     */
    public Context deploy(WebArchive war) {
        File warFile = workDir.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(warFile, true);
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        ContextConfig config = new ContextConfig();
        // The host is running, so the context starts as it is added: set the scanner before it initialises.
        LifecycleListener scanning = event -> {
            if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
                ((Context) event.getLifecycle()).setJarScanner(scanner);
            }
            config.lifecycleEvent(event);
        };
        return tomcat.addWebapp(tomcat.getHost(), "/" + war.getName().replaceFirst("\\.war$", ""),
                warFile.getAbsolutePath(), scanning);
    }

    /** The underlying Tomcat. */
    public Tomcat tomcat() {
        return tomcat;
    }

    /** The folder Tomcat works in, under {@code java.io.tmpdir}. */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** Configures connectors before start. */
    public static final class Builder {
        private final WebArchive war;
        private final Map<String, Consumer<Connector>> extra = new LinkedHashMap<>();
        private final Map<String, Boolean> secure = new LinkedHashMap<>();
        private int port;

        private Builder(WebArchive war) {
            this.war = war;
        }

        /**
         * Puts the plain connector on {@code port} instead of a free one, for a backend whose
         * address another deployment must know before this one starts.
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Adds a plain connector on a free port, customised (for example with an upgrade protocol). */
        public Builder connector(String name, Consumer<Connector> customizer) {
            extra.put(name, customizer);
            secure.put(name, false);
            return this;
        }

        /** Adds a TLS connector on a free port with {@link TestCertificates}, then customised. */
        public Builder tlsConnector(String name, Consumer<Connector> customizer) {
            extra.put(name, customizer);
            secure.put(name, true);
            return this;
        }

        public EmbeddedTomcat start() throws IOException, LifecycleException {
            Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")),
                    "switchboard-tomcat");
            String contextPath = "/" + war.getName().replaceFirst("\\.war$", "");
            File warFile = workDir.resolve(war.getName()).toFile();
            war.as(ZipExporter.class).exportTo(warFile, true);

            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(workDir.toString());
            tomcat.setHostname("127.0.0.1");
            Map<String, Connector> connectors = new LinkedHashMap<>();
            Connector plain = tomcat.getConnector();
            plain.setPort(port);
            plain.setProperty("address", "127.0.0.1");
            connectors.put(DEFAULT, plain);
            for (Map.Entry<String, Consumer<Connector>> e : extra.entrySet()) {
                Connector c = new Connector();
                c.setPort(0);
                c.setProperty("address", "127.0.0.1");
                if (secure.get(e.getKey())) {
                    enableTls(c);
                }
                e.getValue().accept(c);
                tomcat.getService().addConnector(c);
                connectors.put(e.getKey(), c);
            }
            tomcat.getHost().setAppBase(workDir.toString());
            tomcat.setAddDefaultWebXmlToWebapp(false);
            Context context = tomcat.addWebapp(contextPath, warFile.getAbsolutePath());
            StandardJarScanner scanner = new StandardJarScanner();
            scanner.setScanClassPath(false);
            context.setJarScanner(scanner);
            tomcat.start();
            return new EmbeddedTomcat(tomcat, context, contextPath, connectors, workDir);
        }

        private static void enableTls(Connector c) throws IOException {
            c.setSecure(true);
            c.setScheme("https");
            c.setProperty("SSLEnabled", "true");
            SSLHostConfig host = new SSLHostConfig();
            SSLHostConfigCertificate cert = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
            cert.setCertificateKeystoreFile(TestCertificates.keystore().toString());
            cert.setCertificateKeystorePassword(TestCertificates.PASSWORD);
            cert.setCertificateKeystoreType("PKCS12");
            host.addCertificate(cert);
            c.addSslHostConfig(host);
        }
    }
}
