package dev.switchboard.tls.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * How a request reached the application, as far as this module can tell: over a secure
 * connection or not, under which scheme and port, from which client. Immutable.
 *
 * @param source who vouches for it
 * @param secure whether the client's connection is encrypted end to end to this server or
 *     to a trusted proxy
 * @param scheme the scheme the client used: {@code https}, or {@code http} (also for RFC
 *     2817, which leaves the URI scheme unchanged)
 * @param serverPort the port the client connected to
 * @param clientAddress the client's address (an IP literal where one is known)
 * @param clientPort the client's port, or -1 when unknown
 * @param tls the TLS session of an RFC 2817 connection, or null
 */
public record Transport(Source source, boolean secure, String scheme, int serverPort, String clientAddress,
        int clientPort, TlsSession tls) {

    /** Who vouches for the transport. */
    public enum Source {
        /** The container: the connector the request arrived on. */
        CONTAINER,
        /** A trusted proxy, through {@code Forwarded} or {@code X-Forwarded-Proto}. */
        PROXY,
        /** This module's own RFC 2817 bridge. */
        BRIDGE
    }

    /** The container's own view of {@code request}. */
    public static Transport container(HttpServletRequest request) {
        return new Transport(Source.CONTAINER, request.isSecure(), request.getScheme(), request.getServerPort(),
                request.getRemoteAddr(), request.getRemotePort(), null);
    }

    /**
     * {@code request} as the application should see it: unchanged when the container
     * vouches. {@code response} is where the session cookie of a request made secure here is
     * given its {@code Secure} attribute.
     */
    public HttpServletRequest apply(HttpServletRequest request, HttpServletResponse response) {
        return source == Source.CONTAINER ? request : new TransportRequest(request, response, this);
    }
}
