package dev.switchboard.tomcat.tls;

import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * One RFC 2817 connection as the internal connector reports it to the application: the
 * client's address and port, the public connector's address and port it reached, and the TLS
 * session it negotiated. Immutable.
 */
record Bridge(String clientAddress, int clientPort, String localAddress, String localName, int localPort,
        TlsSession session) {
}
