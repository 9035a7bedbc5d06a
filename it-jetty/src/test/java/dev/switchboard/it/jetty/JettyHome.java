package dev.switchboard.it.jetty;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.switchboard.testing.Container;
import dev.switchboard.it.LibraryJars;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.jetty.JettyUpgrade;

/**
 * A WAR on the stock Jetty distribution ({@code jetty-home}, unpacked by the build), the way
 * users run Jetty: a fresh {@code $JETTY_BASE} with the {@code http}, {@code <env>-deploy},
 * {@code <env>-annotations} and {@code <env>-websocket-jakarta} modules of the
 * {@link JettyEnvironment} under test, Switchboard's {@code switchboard-jetty-<env>} module file
 * and jar added as its README says, and the WAR dropped into {@code webapps/}. Jetty runs in its own JVM on a free loopback port, for the duration of
 * a test class. {@link #withConnectorTls} adds RFC 2817 at the http connector the same way
 * (the {@code switchboard-tls-upgrade} module) and a second WAR.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final JettyHome JETTY = JettyHome.deploying(() -&gt; Deployments.upgradeApp("echo"));
 * </pre>
 */
public final class JettyHome implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Pattern CONNECTOR = Pattern.compile("Started oejs\\.ServerConnector@[0-9a-f]+\\{HTTP/1\\.1[^}]*\\}\\{127\\.0\\.0\\.1:(\\d+)\\}");
    private static final Pattern STARTED = Pattern.compile("Started oejs\\.Server@");
    private static final String CONNECTOR_TLS_MODULE = "switchboard-tls-upgrade";

    private final Supplier<WebArchive> war;
    private Supplier<WebArchive> connectorTlsWar;
    private Process jetty;
    private Path log;
    private URI base;
    private URI connectorTlsBase;
    private String version;

    private JettyHome(Supplier<WebArchive> war) {
        this.war = war;
    }

    /** Deploys the archive that {@code war} builds on the distribution, at {@code /<war name>}. */
    public static JettyHome deploying(Supplier<WebArchive> war) {
        return new JettyHome(war);
    }

    /**
     * Also enables RFC 2817 at the http connector as the {@code switchboard-tls-upgrade} module
     * file says: the module, {@code etc/switchboard-tls-upgrade.xml}, the key store
     * ({@link ConnectorKeys#store()}) as {@code etc/rfc2817.p12}, its password and default key
     * as properties; and deploys {@code war} too, reached through {@link #connectorTls()}.
     */
    public JettyHome withConnectorTls(Supplier<WebArchive> war) {
        this.connectorTlsWar = war;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path home = Path.of(System.getProperty("switchboard.jettyHome", "target/jetty-home/jetty-home-unknown"));
        String environment = JettyEnvironment.name();
        String moduleName = "switchboard-jetty-" + environment;
        Path modules = Path.of(System.getProperty("switchboard.jettyModules", "modules"));
        Path module = modules.resolve(moduleName + ".mod");
        if (!Files.isRegularFile(home.resolve("start.jar"))) {
            throw new IllegalStateException("no Jetty distribution at " + home + ": run through Maven (failsafe)");
        }
        Path jettyBase = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "switchboard-jetty-base");
        log = jettyBase.resolve("jetty.log");

        run(home, jettyBase, "--add-modules=http," + environment + "-deploy," + environment + "-annotations,"
                + environment + "-websocket-jakarta");
        Files.createDirectories(jettyBase.resolve("modules"));
        Files.copy(module, jettyBase.resolve("modules").resolve(module.getFileName()));
        Files.createDirectories(jettyBase.resolve("lib/switchboard"));
        LibraryJars.of(JettyUpgrade.class, "upgrade-jetty.jar").as(ZipExporter.class)
                .exportTo(jettyBase.resolve("lib/switchboard/upgrade-jetty.jar").toFile());
        List<String> properties = new ArrayList<>(List.of("jetty.http.host=127.0.0.1", "jetty.http.port=0"));
        if (connectorTlsWar != null) {
            properties.addAll(addConnectorTls(modules, jettyBase));
            run(home, jettyBase, "--add-modules=" + moduleName + "," + CONNECTOR_TLS_MODULE);
        } else {
            run(home, jettyBase, "--add-modules=" + moduleName);
        }

        String contextPath = deploy(war.get(), jettyBase);
        String connectorTlsPath = connectorTlsWar == null ? null : deploy(connectorTlsWar.get(), jettyBase);

        jetty = process(home, jettyBase, properties.toArray(new String[0])).start();
        int port = awaitStarted();
        base = URI.create("http://127.0.0.1:" + port + contextPath + "/");
        connectorTlsBase = connectorTlsPath == null ? null : URI.create("http://127.0.0.1:" + port + connectorTlsPath + "/");
        version = home.getFileName().toString().replaceFirst("^jetty-home-", "");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (jetty != null) {
            jetty.descendants().forEach(ProcessHandle::destroy);
            jetty.destroy();
            if (!jetty.waitFor(30, TimeUnit.SECONDS)) {
                jetty.destroyForcibly();
            }
            jetty = null;
        }
    }

    /** The deployed application. */
    public ServerUnderTest server() {
        return server(base);
    }

    /** The application of {@link #withConnectorTls}, behind the connector that serves RFC 2817. */
    public ServerUnderTest connectorTls() {
        if (connectorTlsWar == null) {
            throw new IllegalStateException("no RFC 2817 at the connector: use withConnectorTls");
        }
        return server(connectorTlsBase);
    }

    /**
     * Copies the module file, its XML and the key store into {@code jettyBase}, as the module
     * file's comment tells users to; returns the properties that name the store's password and
     * default key.
     */
    private static List<String> addConnectorTls(Path modules, Path jettyBase) throws IOException {
        Files.copy(modules.resolve(CONNECTOR_TLS_MODULE + ".mod"), jettyBase.resolve("modules").resolve(CONNECTOR_TLS_MODULE + ".mod"));
        Files.createDirectories(jettyBase.resolve("etc"));
        Files.copy(modules.resolveSibling("etc").resolve(CONNECTOR_TLS_MODULE + ".xml"),
                jettyBase.resolve("etc").resolve(CONNECTOR_TLS_MODULE + ".xml"));
        TestKeyStore keys = ConnectorKeys.store();
        Files.copy(keys.file(), jettyBase.resolve("etc/rfc2817.p12"));
        return List.of("switchboard.tls.keyStorePassword=" + keys.password(), "switchboard.tls.certAlias=" + TestKeyStore.ALIAS);
    }

    /** Drops {@code archive} into {@code webapps/}; returns its context path. */
    private static String deploy(WebArchive archive, Path jettyBase) {
        archive.as(ZipExporter.class).exportTo(jettyBase.resolve("webapps").resolve(archive.getName()).toFile());
        return "/" + archive.getName().replaceFirst("\\.war$", "");
    }

    private ServerUnderTest server(URI uri) {
        if (uri == null) {
            throw new IllegalStateException("Jetty is not running: register this as a static @RegisterExtension field");
        }
        Container container = new Container("Jetty", version);
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

    private int awaitStarted() throws IOException {
        int[] port = {-1};
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!jetty.isAlive()) {
                throw new IllegalStateException("Jetty exited with " + jetty.exitValue() + ":\n" + tail());
            }
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = CONNECTOR.matcher(text);
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
            }
            return port[0] > 0 && STARTED.matcher(text).find();
        });
        String output = tail();
        if (output.contains("Failed startup") || output.contains("UNAVAILABLE")) {
            throw new IllegalStateException("a web application failed to start:\n" + output);
        }
        return port[0];
    }

    private void run(Path home, Path jettyBase, String... args) throws IOException, InterruptedException {
        Process p = process(home, jettyBase, args).start();
        if (!p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("start.jar " + String.join(" ", args) + " failed:\n" + tail());
        }
    }

    private ProcessBuilder process(Path home, Path jettyBase, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + jettyBase.resolve("tmp"));
        command.add("-jar");
        command.add(home.resolve("start.jar").toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(jettyBase.resolve("tmp"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ProcessBuilder(command).directory(jettyBase.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private String tail() throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
