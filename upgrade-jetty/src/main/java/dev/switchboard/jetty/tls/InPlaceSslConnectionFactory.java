package dev.switchboard.jetty.tls;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLEngine;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS connection factory, made to open a TLS connection on an endpoint that already
 * carried an HTTP/1.1 request: the engine is created for the host that request named (the
 * peer host the key choice reads, see {@link HostSniSelector}), client-initiated
 * renegotiation is refused, and so is a ClientHello that offers {@code h2} in ALPN: RFC 2817
 * clients offer none, a browser's handshake for the https port does, and a man in the middle
 * who splices one in after the 101 (the Opossum attack, CVE-2025-49812) would otherwise have
 * the browser read the {@code OPTIONS} response as the answer to its own first request. Everything else, buffers, the next protocol's connection over
 * the decrypted endpoint, is Jetty's own.
 */
final class InPlaceSslConnectionFactory extends SslConnectionFactory {

    InPlaceSslConnectionFactory(SslContextFactory.Server sslContextFactory, String nextProtocol) {
        super(sslContextFactory, nextProtocol);
    }

    /**
     * A TLS connection over {@code endPoint}, for the host {@code host} (null when the request
     * named none or an address), whose decrypted side first answers the {@code OPTIONS *} that
     * asked for the upgrade ({@link OptionsAnswer}, RFC 2817 section 3.3) and then is served by
     * a connection of the next protocol.
     */
    Connection newConnection(Connector connector, EndPoint endPoint, String host) {
        SSLEngine engine;
        if (host != null) {
            int port = endPoint.getLocalSocketAddress() instanceof InetSocketAddress local ? local.getPort() : -1;
            engine = getSslContextFactory().newSSLEngine(host, port);
        } else {
            engine = getSslContextFactory().newSSLEngine(
                    endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote ? remote : null);
        }
        engine.setUseClientMode(false);
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            if (offered.isEmpty()) {
                return "";
            }
            return offered.contains("h2") || !offered.contains("http/1.1") ? null : "http/1.1";
        });
        SslConnection tls = newSslConnection(connector, endPoint, engine);
        tls.setRenegotiationAllowed(false);
        configure(tls, connector, endPoint);
        ConnectionFactory next = connector.getConnectionFactory(getNextProtocol());
        EndPoint decrypted = tls.getSslEndPoint();
        Connection http = next.newConnection(connector, decrypted);
        decrypted.setConnection(new OptionsAnswer(decrypted, connector.getExecutor(), http));
        return tls;
    }
}
