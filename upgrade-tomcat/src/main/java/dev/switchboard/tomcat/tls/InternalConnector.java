package dev.switchboard.tomcat.tls;

import java.net.InetSocketAddress;
import java.util.List;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;

/**
 * The connector that decrypted RFC 2817 streams enter the container through: a second Tomcat
 * HTTP/1.1 connector of the same service, on an ephemeral loopback port, marked secure with
 * scheme {@code https}, so that every web application of the service sees the requests as
 * Tomcat's own TLS connections would be seen ({@code isSecure()}, confidential constraints,
 * secure cookies), with the client's addresses and the session's attributes.
 *
 * <p>It is not added to the service's list of connectors (it serves nothing on its own and is
 * no public port): it is started after the public connector and stopped before it. Only the
 * links this process registers are served; any other connection to its port is closed unread
 * (see {@link BridgeProcessor}). Settings that shape request parsing are copied from the public
 * connector, so that a request means the same on both.
 */
final class InternalConnector {

    /** Connector settings copied from the public connector when it has them. */
    private static final List<String> COPIED = List.of("maxHttpHeaderSize", "maxHttpRequestHeaderSize",
            "connectionTimeout", "keepAliveTimeout", "maxKeepAliveRequests", "maxSwallowSize", "maxTrailerSize",
            "relaxedPathChars", "relaxedQueryChars", "rejectIllegalHeader", "allowHostHeaderMismatch",
            "maxThreads", "compression", "compressibleMimeType", "server", "maxHeaderCount");

    private final Connector connector;

    private InternalConnector(Connector connector) {
        this.connector = connector;
    }

    /** Starts an internal connector for {@code pub}'s service. */
    static InternalConnector start(Connector pub, Bridges bridges) throws LifecycleException {
        Connector c = new Connector(new BridgeProtocol(bridges));
        c.setPort(0);
        c.setProperty("address", "127.0.0.1");
        c.setProperty("tcpNoDelay", "true");
        c.setProperty("minSpareThreads", "1");
        for (String name : COPIED) {
            Object value = pub.getProperty(name);
            if (value != null) {
                c.setProperty(name, String.valueOf(value));
            }
        }
        c.setSecure(true);
        c.setScheme("https");
        c.setURIEncoding(pub.getURIEncoding());
        c.setUseBodyEncodingForURI(pub.getUseBodyEncodingForURI());
        c.setMaxPostSize(pub.getMaxPostSize());
        c.setMaxSavePostSize(pub.getMaxSavePostSize());
        c.setMaxParameterCount(pub.getMaxParameterCount());
        c.setAllowTrace(pub.getAllowTrace());
        c.setXpoweredBy(pub.getXpoweredBy());
        c.setEnableLookups(false);
        c.setService(pub.getService());
        c.init();
        c.start();
        return new InternalConnector(c);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", connector.getLocalPort());
    }

    void stop() {
        try {
            connector.stop();
            connector.destroy();
        } catch (LifecycleException e) {
            // stopping anyway
        }
    }
}
