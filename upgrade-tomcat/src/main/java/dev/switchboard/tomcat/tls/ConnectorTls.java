package dev.switchboard.tomcat.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Connector;

import dev.switchboard.servlet.nio.Reactor;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.tls.TlsUpgradeDeclarations;
import dev.switchboard.tls.internal.bridge.Rfc2817Endpoint;
import dev.switchboard.tls.internal.engine.KeyMaterial;

/**
 * RFC 2817's mandatory upgrade on a cleartext Tomcat connector, answered before any web
 * application: {@code OPTIONS * HTTP/1.1} with {@code Upgrade: TLS/1.x} and
 * {@code Connection: upgrade} (section 3.2, what CUPS clients and Apache HttpClient send) gets
 * {@code 101} with {@code Upgrade: TLS/1.x, HTTP/1.1}, a TLS handshake on the same socket, and
 * then HTTP/1.1 over TLS: the {@code OPTIONS} response first, then whatever the client asks,
 * served by every application of the service as secure requests from the client's address.
 *
 * <p>In {@code server.xml}, inside the cleartext {@code <Connector>} (attributes map to the
 * setters):
 *
 * <pre>
 * &lt;Listener className="dev.switchboard.tomcat.tls.ConnectorTls"
 *           keystoreFile="conf/rfc2817.p12" keystorePassword="changeit"/&gt;
 * </pre>
 *
 * <p>Embedded: {@code new ConnectorTls().keystore(path, password).install(connector)} before the
 * connector starts (for Spring Boot, from a {@code TomcatConnectorCustomizer}).
 *
 * <p>Tomcat compares a request's whole {@code Upgrade} value with each upgrade protocol's name,
 * so each exact string a client sends is registered as one {@code UpgradeProtocol}:
 * {@link #DEFAULT_OFFERS}, or the list given to {@link #setOffers}. A value not registered
 * exactly is served as if this class were absent (Tomcat answers {@code OPTIONS *} itself).
 *
 * <p>Only the mandatory form is answered here; the optional form (a real request asking to
 * upgrade) is the web application's ({@code upgrade-tls-filter}, off by default), because it is
 * what the Opossum attack (CVE-2025-49812) relies on.
 *
 * <p>The decrypted stream reaches the container through an internal connector (see
 * {@link InternalConnector}) over a loopback link opened after the handshake. Not thread-safe
 * until installed; configure it first.
 */
public final class ConnectorTls implements LifecycleListener {

    private static final Logger LOG = Logger.getLogger(ConnectorTls.class.getName());

    /** The offers CUPS clients send and the single tokens. */
    public static final List<String> DEFAULT_OFFERS = List.of("TLS/1.2,TLS/1.1,TLS/1.0",
            "TLS/1.3,TLS/1.2,TLS/1.1,TLS/1.0", "TLS/1.0", "TLS/1.1", "TLS/1.2", "TLS/1.3");

    private static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    private Path keystoreFile;
    // Defaults as the web application's RFC 2817 options declare them.
    private String keystorePassword = TlsUpgradeDeclarations.KEYSTORE_PASSWORD.defaultValue();
    private String keystoreType = TlsUpgradeDeclarations.KEYSTORE_TYPE.defaultValue();
    private String keyAlias;
    private String keyPassword;
    private Duration keystoreReloadInterval = TlsUpgradeDeclarations.KEYSTORE_RELOAD_INTERVAL.defaultValue();
    private String minVersion = TlsUpgradeDeclarations.MIN_VERSION.defaultValue();
    private List<String> cipherSuites = List.of();
    private Duration handshakeTimeout = TlsUpgradeDeclarations.HANDSHAKE_TIMEOUT.defaultValue();
    private int maxConnections = TlsUpgradeDeclarations.MAX_CONNECTIONS.defaultValue();
    private List<String> offers = DEFAULT_OFFERS;

    private boolean installed;
    private volatile RunningConnectorTls running;
    private InternalConnector internal;
    private Reactor reactor;
    private ScheduledThreadPoolExecutor scheduler;

    // ------------------------------------------------------------------ configuration

    /** The key store file (required); a relative path is taken from {@code catalina.base}. */
    public void setKeystoreFile(String file) {
        Path p = Path.of(file);
        String base = System.getProperty("catalina.base");
        this.keystoreFile = p.isAbsolute() || base == null ? p : Path.of(base).resolve(p);
    }

    public void setKeystorePassword(String password) {
        this.keystorePassword = password;
    }

    /** Default {@code PKCS12}. */
    public void setKeystoreType(String type) {
        this.keystoreType = type;
    }

    /** Presents only this key; by default the key whose certificate is for the request's host (else the first). */
    public void setKeyAlias(String alias) {
        this.keyAlias = alias;
    }

    /** Default: the key store password. */
    public void setKeyPassword(String password) {
        this.keyPassword = password;
    }

    /** How often a handshake may check the key store file for changes, in seconds; 0 never. Default 30. */
    public void setKeystoreReloadSeconds(int seconds) {
        this.keystoreReloadInterval = Duration.ofSeconds(seconds);
    }

    /** {@code TLSv1.2} (default) or {@code TLSv1.3}: nothing lower is negotiated, whatever the token. */
    public void setMinVersion(String version) {
        if (!VERSIONS.contains(version)) {
            throw new IllegalArgumentException("expected TLSv1.2 or TLSv1.3 but was \"" + version + "\"");
        }
        this.minVersion = version;
    }

    /** Comma-separated JSSE suite names; default the JDK's. */
    public void setCipherSuites(String suites) {
        this.cipherSuites = split(suites, ",");
    }

    /** Time from the 101 to the end of the handshake, in milliseconds. Default 10000. */
    public void setHandshakeTimeoutMillis(long millis) {
        this.handshakeTimeout = Duration.ofMillis(millis);
    }

    /** RFC 2817 connections open at a time; past it, {@code OPTIONS *} is answered in cleartext. Default 1000. */
    public void setMaxConnections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1 but was " + max);
        }
        this.maxConnections = max;
    }

    /**
     * The exact {@code Upgrade} values answered, separated by {@code |} (the values themselves
     * contain commas), such as {@code TLS/1.2,TLS/1.1,TLS/1.0|TLS/1.2}. Each must start with a
     * {@code TLS/} token. Default {@link #DEFAULT_OFFERS}.
     */
    public void setOffers(String offers) {
        this.offers = split(offers, "\\|");
    }

    /** Embedded configuration: the key store and its password. */
    public ConnectorTls keystore(Path file, String password) {
        this.keystoreFile = file;
        this.keystorePassword = password;
        return this;
    }

    /** Embedded configuration: the exact offers answered (see {@link #setOffers}). */
    public ConnectorTls offers(List<String> values) {
        this.offers = List.copyOf(values);
        return this;
    }

    /**
     * Adds the upgrade protocols to {@code connector}, which must be cleartext and not yet
     * started, and ties this object's lifecycle to it. The embedded API; {@code server.xml}'s
     * {@code <Listener>} does the same when the connector initialises.
     *
     * @throws IllegalStateException if already installed, or if no key store is set
     */
    public void install(Connector connector) {
        addProtocols(connector);
        connector.addLifecycleListener(this);
    }

    /**
     * Counters, as the web application's RFC 2817 has them: handshakes completed, failed (of
     * which ClientHellos refused for offering {@code h2}), timed out; requests refused on
     * upgraded connections (none here: the internal connector answers every request);
     * connections open. Empty while stopped.
     */
    public Map<String, Long> counters() {
        RunningConnectorTls r = running;
        return r == null ? Map.of() : r.endpoint().counters();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!(event.getLifecycle() instanceof Connector connector)) {
            return;
        }
        switch (event.getType()) {
            case Lifecycle.BEFORE_INIT_EVENT -> addProtocols(connector);
            case Lifecycle.AFTER_START_EVENT -> start(connector);
            case Lifecycle.BEFORE_STOP_EVENT -> stop();
            default -> {
                // nothing
            }
        }
    }

    private synchronized void addProtocols(Connector connector) {
        if (installed) {
            return;
        }
        if (keystoreFile == null) {
            throw new IllegalStateException("RFC 2817 at the connector needs keystoreFile");
        }
        List<TlsOfferProtocol> protocols = new ArrayList<>();
        for (String offer : offers) {
            protocols.add(new TlsOfferProtocol(this, offer));
        }
        protocols.forEach(connector::addUpgradeProtocol);
        installed = true;
    }

    private synchronized void start(Connector connector) {
        if (running != null) {
            return;
        }
        try {
            KeyMaterial keys = new KeyMaterial(new KeyMaterial.Source(keystoreFile, keystoreType,
                    keystorePassword.toCharArray(), (keyPassword == null ? keystorePassword : keyPassword).toCharArray(),
                    keyAlias), keystoreReloadInterval);
            String[] enabled = enabledVersions(keys.supportedProtocols());
            Bridges bridges = new Bridges();
            internal = InternalConnector.start(connector, bridges);
            reactor = new Reactor("switchboard-connector-tls-" + connector.getPort(), Rfc2817Endpoint.REACTOR_IDLE_EXIT);
            scheduler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "switchboard-connector-tls-timer-" + connector.getPort());
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            // One connection limit for all clients: the connector has no per-address share.
            Rfc2817Endpoint endpoint = new Rfc2817Endpoint(keys, enabled, cipherSuites, minVersion, handshakeTimeout,
                    maxConnections, maxConnections, true, reactor);
            running = new RunningConnectorTls(endpoint, bridges, internal.address(), scheduler,
                    ProtocolStatistics.detached("TLS/1.x"));
            LOG.info("RFC 2817 at the connector on port " + connector.getLocalPort() + " for " + offers
                    + ", into the internal connector at " + internal.address());
        } catch (LifecycleException | RuntimeException e) {
            LOG.log(Level.SEVERE, "RFC 2817 at the connector could not start: " + e.getMessage(), e);
            stop();
            throw new IllegalStateException("RFC 2817 at the connector could not start: " + e.getMessage(), e);
        }
    }

    private synchronized void stop() {
        running = null;
        if (reactor != null) {
            reactor.close();
            reactor = null;
        }
        if (internal != null) {
            internal.stop();
            internal = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** The shared state while the connector runs; null otherwise. */
    RunningConnectorTls running() {
        return running;
    }

    private String[] enabledVersions(Set<String> supported) {
        List<String> out = new ArrayList<>();
        for (String v : VERSIONS.subList(0, VERSIONS.indexOf(minVersion) + 1)) {
            if (supported.contains(v)) {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the JDK supports no TLS version at or above " + minVersion);
        }
        return out.toArray(new String[0]);
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
