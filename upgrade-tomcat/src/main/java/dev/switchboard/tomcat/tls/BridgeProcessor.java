package dev.switchboard.tomcat.tls;

import java.io.IOException;

import org.apache.coyote.Adapter;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 processor for the internal connector. A connection whose remote port is
 * not a registered link (see {@link Bridges}) is closed before a byte of it is read. For the
 * others, the addresses and TLS attributes Tomcat would read from the socket come from the
 * link's {@link Bridge} instead: the client's address and port, the public connector's address
 * and port, and the session negotiated with the client.
 */
final class BridgeProcessor extends Http11Processor {

    /** The request note that carries the {@link Bridge} to {@link BridgeAdapter}. */
    static final int NOTE = 27;

    private final Bridges bridges;
    private Bridge bridge;

    BridgeProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter, Bridges bridges) {
        super(protocol, adapter);
        this.bridges = bridges;
    }

    @Override
    public SocketState service(SocketWrapperBase<?> socketWrapper) throws IOException {
        Bridge b = bridges.find(socketWrapper.getRemoteAddr(), socketWrapper.getRemotePort());
        if (b == null) {
            return SocketState.CLOSED; // not one of this process's links
        }
        bridge = b;
        request.setNote(NOTE, b);
        return super.service(socketWrapper);
    }

    @Override
    protected boolean getPopulateRequestAttributesFromSocket() {
        return false; // BridgeAdapter sets them from the bridge
    }

    @Override
    protected void populateRequestAttributeRemoteHost() {
        if (bridge != null) {
            request.remoteHost().setString(bridge.clientAddress());
        }
    }

    @Override
    protected void populateSslRequestAttributes() {
        if (bridge == null || bridge.session() == null) {
            return;
        }
        request.setAttribute(SSLSupport.CIPHER_SUITE_KEY, bridge.session().cipherSuite());
        request.setAttribute(SSLSupport.KEY_SIZE_KEY, Integer.valueOf(bridge.session().keySize()));
        request.setAttribute(SSLSupport.SESSION_ID_KEY, bridge.session().sessionId());
        request.setAttribute(SSLSupport.PROTOCOL_VERSION_KEY, bridge.session().protocol());
        request.setAttribute(SSLSupport.SECURE_PROTOCOL_KEY, bridge.session().protocol());
    }
}
