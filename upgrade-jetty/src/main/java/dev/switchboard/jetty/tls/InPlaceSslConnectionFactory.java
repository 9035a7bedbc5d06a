package dev.switchboard.jetty.tls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

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
 * peer host the key choice reads, see {@link HostSniSelector}), and client-initiated
 * renegotiation is refused. Everything else, buffers, the next protocol's connection over
 * the decrypted endpoint, is Jetty's own.
 */
final class InPlaceSslConnectionFactory extends SslConnectionFactory {

    InPlaceSslConnectionFactory(SslContextFactory.Server sslContextFactory, String nextProtocol) {
        super(sslContextFactory, nextProtocol);
    }

    /**
     * A TLS connection over {@code endPoint}, for the host {@code host} (null when the request
     * named none or an address), with a connection of the next protocol over its decrypted side
     * that takes {@code firstRequest} as the first bytes it received: the upgraded request, to
     * be answered first over TLS (RFC 2817 section 3.3).
     */
    Connection newConnection(Connector connector, EndPoint endPoint, String host, ByteBuffer firstRequest) {
        SSLEngine engine;
        if (host != null) {
            int port = endPoint.getLocalSocketAddress() instanceof InetSocketAddress local ? local.getPort() : -1;
            engine = getSslContextFactory().newSSLEngine(host, port);
        } else {
            engine = getSslContextFactory().newSSLEngine(
                    endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote ? remote : null);
        }
        engine.setUseClientMode(false);
        SslConnection tls = newSslConnection(connector, endPoint, engine);
        tls.setRenegotiationAllowed(false);
        configure(tls, connector, endPoint);
        ConnectionFactory next = connector.getConnectionFactory(getNextProtocol());
        EndPoint decrypted = tls.getSslEndPoint();
        Connection http = next.newConnection(connector, decrypted);
        if (!(http instanceof Connection.UpgradeTo upgradeTo)) {
            throw new IllegalStateException(getNextProtocol() + " connections cannot take the upgraded request");
        }
        upgradeTo.onUpgradeTo(firstRequest);
        decrypted.setConnection(http);
        return tls;
    }
}
