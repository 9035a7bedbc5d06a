package dev.switchboard.tomcat.container;

import java.lang.reflect.Field;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.apache.coyote.http11.upgrade.UpgradeServletInputStream;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.container.GuaranteedCollection;
import dev.switchboard.servlet.container.Transport;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * Tomcat 10.1 and 11 behind Switchboard's container seam. An upgraded connection's input
 * stream holds Tomcat's socket wrapper, the object Tomcat's own WebSocket server uses to close
 * a connection from any thread and to dispatch a read; the stream keeps it in a private field,
 * reached here by reflection (the only reflection into Tomcat that Switchboard needs for
 * upgraded connections). Connections that are not Tomcat's get the Servlet API alone. Sessions
 * on Switchboard's engine run on Tomcat's own transport where they can ({@link TomcatCarrier},
 * {@link SocketTransport}), else on the Servlet streams. For the
 * TLS policy it reads the context's transport guarantees, TLS connectors and valves
 * ({@link TransportGuarantees}, {@link HttpsConnectors}, {@link IdentityValves}).
 * Thread-safe.
 */
final class TomcatSupport implements ContainerSupport {

    static final TomcatSupport INSTANCE = new TomcatSupport();

    private static final Logger LOG = Logger.getLogger(TomcatSupport.class.getName());

    /** The socket wrapper field of Tomcat's upgraded input, or null if it cannot be reached. */
    private final Field socketWrapper = socketWrapperField();

    /** The carrier of the {@code tomcat} transport, or null where it cannot be used here. */
    private final Class<? extends HttpUpgradeHandler> carrier = carrierType();

    private TomcatSupport() {
    }

    @Override
    public String name() {
        return socketWrapper != null ? "Tomcat (upgrade-tomcat)" : "Tomcat (upgrade-tomcat, socket wrapper unreachable)";
    }

    @Override
    public ConnectionControl control(WebConnection connection) {
        ServletInputStream in;
        try {
            in = connection.getInputStream();
        } catch (Exception e) {
            return ConnectionControl.PORTABLE;
        }
        if (!(in instanceof UpgradeServletInputStream)) {
            return ConnectionControl.PORTABLE;
        }
        if (socketWrapper == null) {
            return ConfinedReads.INSTANCE;
        }
        try {
            return new TomcatConnectionControl((SocketWrapperBase<?>) socketWrapper.get(in));
        } catch (IllegalAccessException | RuntimeException e) {
            return ConfinedReads.INSTANCE;
        }
    }

    @Override
    public Optional<List<GuaranteedCollection>> transportGuarantees(ServletContext context, boolean takeOver) {
        return TransportGuarantees.read(context, takeOver);
    }

    @Override
    public Optional<Map<String, List<X509Certificate>>> tlsConnectorCertificates(ServletContext context) {
        return HttpsConnectors.read(context);
    }

    @Override
    public List<String> identityFields(ServletContext context) {
        return IdentityValves.fields(context);
    }

    /**
     * {@link TomcatCarrier} for an HTTP/1.1 request, the only kind Tomcat switches on its own
     * connections (every HTTP/1.1 connector: NIO, NIO2 and the RFC 2817 bridge's); null
     * otherwise, and where the carrier cannot be linked, so that the switch takes the
     * Servlet streams.
     */
    @Override
    public Class<? extends HttpUpgradeHandler> carrier(HttpServletRequest request) {
        return carrier != null && "HTTP/1.1".equals(request.getProtocol()) ? carrier : null;
    }

    @Override
    public String transportName() {
        return carrier != null ? SocketTransport.NAME : null;
    }

    /** The {@code tomcat-loop} transport, where cleartext NIO connections can be taken off Tomcat's poller. */
    @Override
    public String loopTransportName() {
        return carrier != null && WrapperLock.available() ? LoopTransport.NAME : null;
    }

    /**
     * {@link TomcatCarrier} where it links here; null, with one warning, where it does not (a
     * SecurityManager that keeps the application from Tomcat's packages).
     */
    private static Class<? extends HttpUpgradeHandler> carrierType() {
        try {
            TomcatCarrier.class.getConstructor();
            return TomcatCarrier.class;
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            LOG.warning("Tomcat's own transport cannot be used here (" + e + "): upgraded connections run on the "
                    + Transport.SERVLET + " transport");
            return null;
        }
    }

    private static Field socketWrapperField() {
        try {
            Field field = UpgradeServletInputStream.class.getDeclaredField("socketWrapper");
            field.setAccessible(true);
            if (SocketWrapperBase.class.isAssignableFrom(field.getType())) {
                return field;
            }
        } catch (NoSuchFieldException | RuntimeException e) {
            // reported below
        }
        LOG.warning("Cannot reach the socket wrapper of Tomcat's upgraded connections: upgraded connections that"
                + " the application closes stay open until their peer sends or closes, and input resumed after"
                + " back-pressure, or arriving while another thread works on the connection, waits for the peer's next"
                + " bytes");
        return null;
    }

    /** Tomcat without its socket wrapper: reads only on its callback, and no way to ask for one. */
    private static final class ConfinedReads implements ConnectionControl {
        static final ConfinedReads INSTANCE = new ConfinedReads();

        @Override
        public boolean confinedReads() {
            return true;
        }

        @Override
        public void dispatchRead() {
            // nothing can: the next callback comes with the peer's next bytes
        }

        @Override
        public void close() {
            // WebConnection.close() is all there is
        }
    }
}
