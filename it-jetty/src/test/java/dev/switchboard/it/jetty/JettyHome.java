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

import dev.switchboard.it.Container;
import dev.switchboard.it.LibraryJars;
import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.jetty.JettyUpgrade;

/**
 * A WAR on the stock Jetty distribution ({@code jetty-home}, unpacked by the build), the way
 * users run Jetty: a fresh {@code $JETTY_BASE} with the {@code http}, {@code <env>-deploy},
 * {@code <env>-annotations} and {@code <env>-websocket-jakarta} modules of the
 * {@link JettyEnvironment} under test, Switchboard's {@code switchboard-jetty-<env>} module file
 * and jar added as its README says, and the WAR dropped into {@code webapps/}. Jetty runs in its own JVM on a free loopback port, for the duration of
 * a test class.
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

    private final Supplier<WebArchive> war;
    private Process jetty;
    private Path log;
    private URI base;
    private String version;

    private JettyHome(Supplier<WebArchive> war) {
        this.war = war;
    }

    /** Deploys the archive that {@code war} builds on the distribution, at {@code /<war name>}. */
    public static JettyHome deploying(Supplier<WebArchive> war) {
        return new JettyHome(war);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path home = Path.of(System.getProperty("switchboard.jettyHome", "target/jetty-home/jetty-home-unknown"));
        String environment = JettyEnvironment.name();
        String moduleName = "switchboard-jetty-" + environment;
        Path module = Path.of(System.getProperty("switchboard.jettyModules", "modules"), moduleName + ".mod");
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
        run(home, jettyBase, "--add-modules=" + moduleName);

        WebArchive archive = war.get();
        archive.as(ZipExporter.class).exportTo(jettyBase.resolve("webapps").resolve(archive.getName()).toFile());
        String contextPath = "/" + archive.getName().replaceFirst("\\.war$", "");

        jetty = process(home, jettyBase, "jetty.http.host=127.0.0.1", "jetty.http.port=0").start();
        int port = awaitStarted();
        base = URI.create("http://127.0.0.1:" + port + contextPath + "/");
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
        if (base == null) {
            throw new IllegalStateException("Jetty is not running: register this as a static @RegisterExtension field");
        }
        URI uri = base;
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
