package dev.switchboard.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.IpAddress;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.WireFormatException;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.tls.internal.ApplicationSide;
import dev.switchboard.tls.internal.BridgeRegistry;
import dev.switchboard.tls.internal.BridgeRules;
import dev.switchboard.tls.internal.ConfiguredIdentityFields;
import dev.switchboard.tls.internal.FirstRequest;
import dev.switchboard.tls.internal.SharedCertificateCheck;
import dev.switchboard.tls.internal.UpgradeForms;
import dev.switchboard.tls.internal.UrlPatterns;
import dev.switchboard.tls.internal.bridge.Rfc2817Endpoint;
import dev.switchboard.tls.internal.bridge.Rfc2817Session;
import dev.switchboard.tls.internal.engine.KeyMaterial;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code TLS/1.x}: upgrading a cleartext HTTP/1.1 connection to TLS in place (RFC 2817).
 *
 * <pre>
 * OPTIONS * HTTP/1.1                 HTTP/1.1 101
 * Host: example.com                  Upgrade: TLS/1.2, HTTP/1.1
 * Upgrade: TLS/1.2                   Connection: upgrade
 * Connection: upgrade
 *                                    (TLS handshake; then, over TLS, the response to
 *                                     OPTIONS * and any further requests)
 * </pre>
 *
 * <p>Which requests may switch is {@link UpgradeForms}' to say: {@code OPTIONS *} always, a
 * real request (RFC 2817's optional form, which the Opossum attack abuses) only for GET,
 * HEAD and OPTIONS of the resources of {@link TlsUpgradeOptions#OPTIONAL_UPGRADE}, none by
 * default (TLS-11). Enabling the optional form fails on Tomcat while one of its TLS
 * connectors presents a certificate for the same key or a name in common.
 *
 * <p>The 101 names the token the client offered with {@code HTTP/1.1} above it (TLS-01);
 * the version actually negotiated is never below the configured minimum, whatever the token
 * said (TLS-08). After the handshake the connection carries HTTP/1.1 into the same container
 * (see {@link Rfc2817Session}), where the application sees ordinary secure requests through
 * its own filters and servlets (TLS-02). Requests that are already secure, and requests with
 * content, are not switched. Thread-safe.
 */
public final class TlsUpgradeProtocol implements UpgradeProtocol {

    /** The servlet-context attribute under which {@link TlsProtocolProvider} keeps the protocol it made. */
    public static final String ATTRIBUTE = TlsUpgradeProtocol.class.getName();

    private static final Logger LOG = Logger.getLogger(TlsUpgradeProtocol.class.getName());

    private final TlsUpgradeOptions options;
    private final UpgradeForms forms;
    private final Rfc2817Endpoint endpoint;
    private final BridgeRegistry registry;

    /**
     * Loads the key store.
     *
     * @throws IllegalArgumentException if the key store cannot be loaded, or no TLS version
     *     or cipher suite that was asked for is available, or the optional form is enabled
     *     while a TLS connector of the same Tomcat shares the key or a name
     */
    public TlsUpgradeProtocol(ServletContext context, TlsUpgradeOptions options) {
        this.options = options;
        this.forms = new UpgradeForms(UrlPatterns.of(options.optionalUpgrade()));
        KeyMaterial.Source source = new KeyMaterial.Source(options.keystore(), options.keystoreType(),
                options.keystorePassword().toCharArray(), options.keyPassword().toCharArray(),
                options.keyAlias().orElse(null));
        KeyMaterial keys = new KeyMaterial(source, options.keystoreReloadInterval());
        if (forms.optionalEnabled()) {
            refuseSharedCertificates(context, source);
        }
        this.registry = BridgeRegistry.of(context);
        this.endpoint = new Rfc2817Endpoint(keys,
                TlsVersions.enabledFrom(options.minVersion(), keys.supportedProtocols()), options.cipherSuites(),
                options.minVersion(), options.handshakeTimeout(), options.maxConnections(),
                options.maxConnectionsPerClient(), options.refuseHttp2Offers(), registry.reactor());
        LOG.info("RFC 2817 in-place TLS for " + contextName(context) + ": " + forms);
    }

    /**
     * Refuses the optional form while a TLS connector of the server presents a certificate
     * that a client would take for this one (Opossum, CVE-2025-49812); logs when that cannot
     * be known (every container but Tomcat).
     */
    private static void refuseSharedCertificates(ServletContext context, KeyMaterial.Source source) {
        Optional<List<String>> sharing = SharedCertificateCheck.sharing(context,
                SharedCertificateCheck.presented(source));
        if (sharing.isEmpty()) {
            LOG.warning(TlsUpgradeOptions.OPTIONAL_UPGRADE + " is set for " + contextName(context) + ": make sure that"
                    + " no https server presents a certificate for the same names, which this container does not"
                    + " let an application check (see the Opossum attack in the module README)");
        } else if (!sharing.get().isEmpty()) {
            throw new IllegalArgumentException(TlsUpgradeOptions.OPTIONAL_UPGRADE + ": RFC 2817's optional form cannot"
                    + " be enabled while " + String.join(" and ", sharing.get()) + " presents a certificate for the same"
                    + " key or names: a man in the middle could relay a client of the https port onto an upgraded"
                    + " cleartext connection and have it read the answer to a request of his (the Opossum attack,"
                    + " CVE-2025-49812). Present a certificate for other names here, or leave the option unset:"
                    + " OPTIONS * still upgrades");
        }
    }

    private static String contextName(ServletContext context) {
        return context.getContextPath().isEmpty() ? "/" : context.getContextPath();
    }

    @Override
    public List<ProtocolToken> tokens() {
        return options.tokens();
    }

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public Decision decide(UpgradeRequest upgrade) {
        HttpServletRequest request = upgrade.servletRequest();
        if (request.isSecure()) {
            return Decision.decline("the connection is already secure");
        }
        if (!forms.allows(request)) {
            return Decision.decline("RFC 2817's optional form is not enabled for " + request.getMethod()
                    + " of this resource (" + TlsUpgradeOptions.OPTIONAL_UPGRADE + ")");
        }
        String host = request.getHeader(HttpSpec.HOST);
        InetSocketAddress target = connector(request);
        if (host == null || target == null) {
            return Decision.decline("no Host field, or the local address is unknown");
        }
        if (endpoint.full()) {
            return Decision.refuse(HttpSpec.SC_SERVICE_UNAVAILABLE,
                    "Too many TLS upgrades are open; try again later or use https").countedAs("capacity");
        }
        String client = request.getRemoteAddr();
        if (endpoint.fullFor(client)) {
            return Decision.refuse(HttpSpec.SC_TOO_MANY_REQUESTS,
                    "Too many TLS upgrades are open from this address; close one or use https").countedAs("capacity");
        }
        ServletContext context = request.getServletContext();
        String contextPath = context.getContextPath();
        BridgeRules rules = new BridgeRules(contextPath, host, mapsHere(context), ConfiguredIdentityFields.of(context));
        byte[] first = FirstRequest.of(request);
        int clientPort = request.getRemotePort();
        // The engine's key follows the upgraded request's host (see KeyMaterial).
        String keyHost = KeyMaterial.hostOf(rules.host());
        int maxHead = options.maxRequestHeadSize();
        return Decision.switchTo(connection -> new Rfc2817Session(connection, endpoint,
                        new ApplicationSide(registry, target, rules, maxHead, client, clientPort), keyHost, client,
                        clientPort, first))
                .withLimits(options.handlerOptions())
                .withUpgrade(upgrade.token(), TlsSpec.HTTP_1_1);
    }

    /**
     * Whether the container maps a decoded path (already known to lie under the context path)
     * to this application rather than to a nested one. A container that does not say, because
     * {@code getContext} answers null even for the application's own path (Jetty, unless
     * cross-context dispatch is on), is left to the context-path check alone.
     */
    private static Predicate<String> mapsHere(ServletContext context) {
        String contextPath = context.getContextPath();
        if (context.getContext(contextPath.isEmpty() ? "/" : contextPath) == null) {
            return path -> true;
        }
        return path -> {
            ServletContext mapped = context.getContext(path);
            return mapped != null && mapped.getContextPath().equals(contextPath);
        };
    }

    /** The connector the request arrived on, to bridge into: its local address and port. */
    private static InetSocketAddress connector(HttpServletRequest request) {
        if (request.getLocalAddr() == null) {
            return null;
        }
        try {
            IpAddress address = IpAddress.parse(request.getLocalAddr());
            return new InetSocketAddress(InetAddress.getByAddress(address.bytes()), request.getLocalPort());
        } catch (WireFormatException | UnknownHostException e) {
            return null;
        }
    }

    /** Counters of this protocol's connections, for diagnostics and JSON endpoints. */
    public Map<String, Long> counters() {
        return endpoint.counters();
    }

    @Override
    public String toString() {
        return "TlsUpgradeProtocol" + options.tokens();
    }
}
