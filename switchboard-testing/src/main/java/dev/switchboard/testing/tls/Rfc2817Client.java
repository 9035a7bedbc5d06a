package dev.switchboard.testing.tls;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import dev.switchboard.testing.RawConnection;

/**
 * The client side of RFC 2817 as an independent client does it: the request with
 * {@code Upgrade} on a raw connection, the {@code 101} read exactly to its empty line, then
 * the JDK's own TLS over the same socket
 * ({@code SSLSocketFactory.createSocket(socket, host, port, true)}), with host name
 * verification. Nothing of the TLS stack here was written by this project.
 */
public final class Rfc2817Client {

    private Rfc2817Client() {
    }

    /**
     * Layers TLS over {@code raw}'s socket (after its 101 has been read) and completes the
     * handshake.
     *
     * @param protocols the TLS versions to offer, such as {@code TLSv1.2}; none for the JDK's defaults
     * @return a connection over the TLS socket
     * @throws IOException if the handshake fails
     */
    public static RawConnection startTls(RawConnection raw, SSLContext context, String host, int port,
            String... protocols) throws IOException {
        SSLSocket tls = layer(raw.socket(), context, host, port, protocols);
        tls.startHandshake();
        return RawConnection.over(tls);
    }

    /** The TLS socket over {@code socket}, not yet handshaken; closing it closes {@code socket}. */
    public static SSLSocket layer(Socket socket, SSLContext context, String host, int port, String... protocols)
            throws IOException {
        return layer(socket, true, context, host, port, protocols);
    }

    /**
     * The TLS socket over {@code socket}, not yet handshaken, leaving {@code socket} open when
     * it is closed: for tests that watch what the server does after a failed handshake.
     */
    public static SSLSocket layerKeepingSocket(Socket socket, SSLContext context, String host, int port,
            String... protocols) throws IOException {
        return layer(socket, false, context, host, port, protocols);
    }

    private static SSLSocket layer(Socket socket, boolean autoClose, SSLContext context, String host, int port,
            String... protocols) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port, autoClose);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (protocols.length > 0) {
            params.setProtocols(protocols);
        }
        tls.setSSLParameters(params);
        tls.setSoTimeout((int) RawConnection.DEFAULT_TIMEOUT.toMillis());
        return tls;
    }
}
