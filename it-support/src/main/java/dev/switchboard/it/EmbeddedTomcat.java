package dev.switchboard.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * An embedded Tomcat on a free loopback port with one WAR deployed, for module tests that
 * need a real container but not the Arquillian suite. The WAR is the same archive the
 * integration suite deploys.
 *
 * <pre>
 * try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(Deployments.upgradeApp("app"))) {
 *     ServerUnderTest server = tomcat.server();
 * }
 * </pre>
 */
public final class EmbeddedTomcat implements AutoCloseable {

    private final Tomcat tomcat;
    private final URI base;
    private final Path workDir;

    private EmbeddedTomcat(Tomcat tomcat, URI base, Path workDir) {
        this.tomcat = tomcat;
        this.base = base;
        this.workDir = workDir;
    }

    /** Deploys {@code war} at {@code /<war name without .war>} and starts Tomcat. */
    public static EmbeddedTomcat start(WebArchive war) throws IOException, LifecycleException {
        Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "switchboard-tomcat");
        String contextPath = "/" + war.getName().replaceFirst("\\.war$", "");
        File warFile = workDir.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(warFile, true);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0); // before getConnector(), which creates the connector with the port set at that time
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getHost().setAppBase(workDir.toString());
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp(contextPath, warFile.getAbsolutePath());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.start();
        int port = tomcat.getConnector().getLocalPort();
        return new EmbeddedTomcat(tomcat, URI.create("http://127.0.0.1:" + port + contextPath + "/"), workDir);
    }

    /** The deployed application as scenarios see it. */
    public ServerUnderTest server() {
        URI uri = base;
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

    /** The underlying Tomcat, for tests that add connectors (TLS, h2c). */
    public Tomcat tomcat() {
        return tomcat;
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** The folder Tomcat works in, under {@code java.io.tmpdir}. */
    public Path workDir() {
        return workDir;
    }
}
