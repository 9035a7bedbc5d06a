package dev.switchboard.jetty.tls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * RFC 2817's mandatory upgrade on a cleartext Jetty 12.1 connector, done by Jetty itself:
 * {@code OPTIONS * HTTP/1.1} with {@code Upgrade: TLS/1.x} and {@code Connection: upgrade}
 * (section 3.2) gets a 101, and the connection turns into Jetty's own TLS connection on the
 * same socket. The TLS handshake bytes that came with the request are handed to it, the
 * response to the {@code OPTIONS *} ({@code 200}, no content) is the first thing sent over TLS,
 * and the connection then serves HTTP/1.1 over TLS exactly like a TLS connector's: requests report {@code https},
 * {@code isSecure()} and, with the {@code SecureRequestCustomizer} this factory adds to the
 * connector's HTTP configuration, the session's attributes.
 *
 * <pre>
 * OPTIONS * HTTP/1.1                       HTTP/1.1 101 Switching Protocols
 * Host: printer.example:631                Upgrade: TLS/1.2, HTTP/1.1
 * Upgrade: TLS/1.2,TLS/1.1,TLS/1.0         Connection: Upgrade
 * Connection: upgrade
 *                                          (TLS handshake; then the OPTIONS response
 *                                           over TLS, then whatever the client asks)
 * </pre>
 *
 * <p>Jetty compares the whole {@code Upgrade} value with this factory's protocols, so each
 * exact string a client sends is one protocol: by default the single tokens {@code TLS/1.0}
 * to {@code TLS/1.3} and the lists CUPS sends ({@code TLS/1.2,TLS/1.1,TLS/1.0} from CUPS 2.4
 * and libcups3, {@code TLS/1.3,TLS/1.2,TLS/1.1,TLS/1.0} from CUPS master); pass others to the
 * constructor. The 101 names the first token of the offer with {@code HTTP/1.1} above it; the
 * TLS version negotiated is whatever the {@link SslContextFactory.Server} allows, whatever the
 * token said.
 *
 * <p>Only the mandatory form is answered here. A request with another method or target, or
 * with content, is left to the application, whose own policy decides about the optional form
 * (a real request that asks to upgrade: the Opossum attack, CVE-2025-49812, relies on it).
 *
 * <p>The certificate is chosen by the request's {@code Host} (RFC 2817 section 1), so clients
 * without SNI get the right one: give the {@code SslContextFactory.Server} a key store with a
 * key per host name; unless it already has an SNI selector, this factory installs
 * {@link HostSniSelector}, which also serves an https connector that shares the factory (its
 * engines carry the client's address, which names no host, and choose by SNI as usual).
 *
 * <p>Thread-safe once started.
 */
public class TlsUpgradeConnectionFactory extends AbstractConnectionFactory
        implements ConnectionFactory.Upgrading, ConnectionFactory.Configuring {

    /** The offers CUPS clients send and the single tokens, in that order. */
    public static final List<String> DEFAULT_OFFERS = List.of("TLS/1.2,TLS/1.1,TLS/1.0",
            "TLS/1.3,TLS/1.2,TLS/1.1,TLS/1.0", "TLS/1.0", "TLS/1.1", "TLS/1.2", "TLS/1.3");

    private final InPlaceSslConnectionFactory ssl;
    private final Map<String, String> firstTokens;

    /** Answers {@link #DEFAULT_OFFERS} with the keys of {@code sslContextFactory}, then HTTP/1.1. */
    public TlsUpgradeConnectionFactory(SslContextFactory.Server sslContextFactory) {
        this(sslContextFactory, DEFAULT_OFFERS.toArray(new String[0]));
    }

    /**
     * Answers exactly {@code offers} (each an {@code Upgrade} value as clients send it, such as
     * {@code TLS/1.2,TLS/1.1,TLS/1.0}), then serves HTTP/1.1 over TLS.
     *
     * @throws IllegalArgumentException if an offer does not start with a {@code TLS/} token
     */
    public TlsUpgradeConnectionFactory(SslContextFactory.Server sslContextFactory, String... offers) {
        super(offers);
        this.firstTokens = new LinkedHashMap<>();
        for (String offer : offers) {
            String first = offer.split(",", 2)[0].trim();
            if (!first.toUpperCase(Locale.ROOT).startsWith("TLS/") || first.length() <= "TLS/".length()) {
                throw new IllegalArgumentException("expected an offer that starts with TLS/x but was \"" + offer + "\"");
            }
            firstTokens.put(offer, "TLS/" + first.substring("TLS/".length()));
        }
        if (sslContextFactory.getSNISelector() == null) {
            sslContextFactory.setSNISelector(new HostSniSelector());
        }
        this.ssl = new InPlaceSslConnectionFactory(sslContextFactory, HttpVersion.HTTP_1_1.asString());
        addBean(ssl);
    }

    /** The TLS side: its {@link SslContextFactory.Server}, for configuration before start. */
    public SslContextFactory.Server getSslContextFactory() {
        return ssl.getSslContextFactory();
    }

    /** Adds the {@code SecureRequestCustomizer} that reports the TLS session of upgraded connections. */
    @Override
    public void configure(Connector connector) {
        if (connector.getConnectionFactory(HttpConnectionFactory.class) == null) {
            throw new IllegalStateException(
                    "RFC 2817 needs an HTTP/1.1 connection factory on the connector to serve requests over TLS");
        }
        ssl.configure(connector);
    }

    /** A cleartext connection is never this factory's to open: it only takes connections over by upgrade. */
    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        throw new UnsupportedOperationException("TLS/1.x is reached by an Upgrade request only");
    }

    /**
     * Takes the connection over when {@code request} is RFC 2817's mandatory form; null (Jetty
     * then handles the request as usual) for anything else.
     */
    @Override
    public Connection upgradeConnection(Connector connector, EndPoint endPoint, MetaData.Request request,
            HttpFields.Mutable response101) {
        if (!isMandatoryForm(request)) {
            return null;
        }
        HttpField upgrade = request.getHttpFields().getField(HttpHeader.UPGRADE);
        String first = upgrade == null ? null : firstTokens.get(upgrade.getValue());
        if (first == null) {
            return null;
        }
        Connection tls = ssl.newConnection(connector, endPoint, hostName(request));
        response101.put(HttpHeader.UPGRADE, first + ", " + HttpVersion.HTTP_1_1.asString());
        response101.put(HttpHeader.CONNECTION, "Upgrade");
        return tls;
    }

    /** {@code OPTIONS *}, HTTP/1.1, with no content and one {@code Upgrade} line. */
    static boolean isMandatoryForm(MetaData.Request request) {
        if (!HttpMethod.OPTIONS.is(request.getMethod()) || request.getHttpVersion() != HttpVersion.HTTP_1_1
                || !"*".equals(request.getHttpURI().getPath())) {
            return false;
        }
        HttpFields fields = request.getHttpFields();
        if (request.getContentLength() > 0 || fields.contains(HttpHeader.TRANSFER_ENCODING)) {
            return false;
        }
        List<HttpField> upgrades = new ArrayList<>();
        for (HttpField f : fields) {
            if (f.getHeader() == HttpHeader.UPGRADE) {
                upgrades.add(f);
            }
        }
        return upgrades.size() == 1;
    }

    /** The host of the request's {@code Host} field without its port, or null. */
    private static String hostName(MetaData.Request request) {
        String host = request.getHttpFields().get(HttpHeader.HOST);
        if (host == null || host.isBlank()) {
            return null;
        }
        try {
            return HostPort.normalizeHost(new HostPort(host.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format("%s@%x%s", getClass().getSimpleName(), hashCode(), getProtocols());
    }
}
