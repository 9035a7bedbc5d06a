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
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.WebConnection;

/**
 * Tomcat 10.1 and 11 behind Switchboard's container seam. An upgraded connection's input
 * stream holds Tomcat's socket wrapper, the object Tomcat's own WebSocket server uses to close
 * a connection from any thread and to dispatch a read; the stream keeps it in a private field,
 * reached here by reflection (the only reflection into Tomcat that Switchboard needs for
 * upgraded connections). Connections that are not Tomcat's get the Servlet API alone. For the
 * TLS policy it reads the context's transport guarantees, TLS connectors and valves
 * ({@link TransportGuarantees}, {@link HttpsConnectors}, {@link IdentityValves}).
 * Thread-safe.
 */
final class TomcatSupport implements ContainerSupport {

    static final TomcatSupport INSTANCE = new TomcatSupport();

    private static final Logger LOG = Logger.getLogger(TomcatSupport.class.getName());

    /** The socket wrapper field of Tomcat's upgraded input, or null if it cannot be reached. */
    private final Field socketWrapper = socketWrapperField();

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
                + " back-pressure waits for the peer's next bytes");
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
