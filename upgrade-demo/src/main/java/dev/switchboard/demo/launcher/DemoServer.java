package dev.switchboard.demo.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.scan.StandardJarScanner;

import dev.switchboard.tomcat.tls.ConnectorTls;

/**
 * The demo WAR deployed at {@code /} on an embedded Tomcat 11 with a cleartext and a TLS
 * connector, and (unless {@code --tunnel-target} names another) the tunnel's backend on a
 * loopback port of its own. The WAR is the very archive Maven built, deployed the way a
 * user's server deploys it; the launcher gives it the deployment's settings as context
 * parameters, as a {@code context.xml} would ({@link DeploymentSettings}).
 */
public final class DemoServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final Connector http;
    private final Connector https;
    private final String host;
    private final Path keystore;
    private final URI tunnelTarget;
    private final boolean ownBackend;

    private DemoServer(Tomcat tomcat, Connector http, Connector https, String host, Path keystore, URI tunnelTarget,
            boolean ownBackend) {
        this.tomcat = tomcat;
        this.http = http;
        this.https = https;
        this.host = host;
        this.keystore = keystore;
        this.tunnelTarget = tunnelTarget;
        this.ownBackend = ownBackend;
    }

    /**
     * @param war the demo WAR
     * @param workDir where Tomcat works and where a generated key store is kept
     */
    public static DemoServer start(LauncherOptions options, Path war, Path workDir)
            throws IOException, LifecycleException {
        if (!Files.isRegularFile(war)) {
            throw new IOException("demo WAR not found at " + war + ": build it with ./mvnw -pl upgrade-demo -am package");
        }
        Files.createDirectories(workDir);
        Path keystore = options.keystore() != null ? options.keystore()
                : SelfSignedKeystore.ensure(workDir.resolve("demo-keystore.p12"), options.keystorePassword());

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.resolve("tomcat").toString());
        // Under Maven's exec:java Tomcat is not on the system class path: the application's
        // class loader must delegate to the loader that has it.
        tomcat.getServer().setParentClassLoader(DemoServer.class.getClassLoader());
        tomcat.setHostname(options.bindAddress());
        Connector http = tomcat.getConnector();
        http.setPort(options.httpPort());
        http.setProperty("address", options.bindAddress());
        // RFC 2817's mandatory form (OPTIONS * with Upgrade: TLS/1.x) at the cleartext connector,
        // before any application: what CUPS and Apache HttpClient send.
        new ConnectorTls().keystore(keystore, options.keystorePassword()).install(http);
        Connector https = new Connector();
        https.setPort(options.httpsPort());
        https.setProperty("address", options.bindAddress());
        https.setSecure(true);
        https.setScheme("https");
        https.setProperty("SSLEnabled", "true");
        SSLHostConfig tls = new SSLHostConfig();
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        cert.setCertificateKeystoreFile(keystore.toString());
        cert.setCertificateKeystorePassword(options.keystorePassword());
        cert.setCertificateKeystoreType("PKCS12");
        tls.addCertificate(cert);
        https.addSslHostConfig(tls);
        tomcat.getService().addConnector(https);

        tomcat.getHost().setAppBase(workDir.resolve("webapps").toString());
        Files.createDirectories(workDir.resolve("webapps"));
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", war.toAbsolutePath().toString());
        // The WAR carries everything the application is made of; the launcher's own class path
        // (Tomcat, and in tests the whole test class path) must not feed it annotated classes.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        Tomcat.addDefaultMimeTypeMappings(context);
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMapping("/", "default");
        TunnelBackend backend = options.tunnelTarget() == null ? TunnelBackend.addTo(tomcat, workDir) : null;

        // Binds every connector: from here on port 0 has become a real port, which the
        // application's settings (the https port of its 426 page, the tunnel's route) need.
        tomcat.init();
        URI target = backend != null ? backend.uri() : options.tunnelTarget();
        DeploymentSettings.apply(context, new DeploymentSettings(keystore, options.keystorePassword(),
                https.getLocalPort(), true, target, options.allowedOrigins(), options.servedHosts()));
        tomcat.start();
        DemoServer server = new DemoServer(tomcat, http, https, options.bindAddress(), keystore, target,
                backend != null);
        if (context.getState() != LifecycleState.STARTED) {
            server.close();
            throw new IOException("the demo application did not start; the log above says why");
        }
        return server;
    }

    public int httpPort() {
        return http.getLocalPort();
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    /** Where {@code /tunnel/} leads. */
    public URI tunnelTarget() {
        return tunnelTarget;
    }

    /** What the demo serves, one URL per line, for the console. */
    public List<String> banner() {
        String h = "http://" + host + ":" + httpPort();
        String s = "https://" + host + ":" + httpsPort();
        String ws = "ws://" + host + ":" + httpPort();
        List<String> lines = new ArrayList<>(List.of(
                "Switchboard demo on " + ServerInfo.getServerInfo(),
                "  " + h + "/          the demo page: chat between tabs, live counters",
                "  " + ws + "/ws/chat    WebSocket chat, subprotocols chat.v2 then chat.v1, permessage-deflate",
                "  " + ws + "/ws/echo    WebSocket echo, no subprotocol",
                "  " + h + "/echo      echo/1 after a 101 (plain GET: 426 Upgrade Required)",
                "  " + h + "/secure/   426 in cleartext, pointing at https; a real request is not upgraded in place (Opossum)",
                "  " + h + "           OPTIONS * with Upgrade: TLS/1.2 gets 101, then TLS on the same connection,"
                        + " then /secure/ and the rest over TLS (RFC 2817 at the connector)",
                "  " + h + "/tunnel/   upgrades tunnelled to " + tunnelTarget
                        + (ownBackend ? " (the launcher's WebSocket and echo/1 backend)" : ""),
                "  " + h + "/stats     the counters as JSON (the same numbers as JMX)",
                "  " + s + "/          the same over TLS (certificate: " + keystore + ")"));
        lines.add("Ports: http " + httpPort() + ", https " + httpsPort()
                + (ownBackend ? ", tunnel backend " + tunnelTarget.getPort() : ""));
        lines.add("Press Ctrl-C to stop.");
        return lines;
    }

    /** Stops Tomcat: upgraded connections are closed, then the connectors. */
    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** Makes a self-signed key store with the JDK's keytool, once. */
    static final class SelfSignedKeystore {
        private SelfSignedKeystore() {
        }

        static Path ensure(Path file, String password) throws IOException {
            if (Files.isRegularFile(file)) {
                return file;
            }
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "demo", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "365", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).redirectOutput(new File(file + ".log")).start();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("keytool could not make " + file + "; see " + file + ".log");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return file;
        }
    }
}
