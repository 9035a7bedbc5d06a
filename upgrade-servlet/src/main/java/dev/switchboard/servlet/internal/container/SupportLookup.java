package dev.switchboard.servlet.internal.container;

import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.WebConnection;

/**
 * Finds the {@link ContainerSupport} of a context: the first provider that answers, else
 * the Servlet API alone. Kept in a context attribute, so each application looks once.
 */
public final class SupportLookup {

    /** The context attribute under which a context's support is kept. */
    public static final String ATTRIBUTE = ContainerSupport.class.getName();

    private static final Logger LOG = Logger.getLogger(SupportLookup.class.getName());

    /** What a look-up without a context found: the same for every caller of this class loader. */
    private static volatile ContainerSupport withoutContext;

    private SupportLookup() {
    }

    /** See {@link ContainerSupport#of(ServletContext)}. */
    public static ContainerSupport of(ServletContext context) {
        if (context == null) {
            ContainerSupport support = withoutContext;
            if (support == null) {
                ContainerSupport found = find(null);
                support = found != null ? found : SERVLET_API;
                withoutContext = support;
            }
            return support;
        }
        Object kept = context.getAttribute(ATTRIBUTE);
        if (kept instanceof ContainerSupport support) {
            return support;
        }
        ContainerSupport found = find(context);
        ContainerSupport support = found != null ? found : withoutSupport(context);
        LOG.fine(() -> "Container support for " + contextName(context) + ": " + support.name());
        context.setAttribute(ATTRIBUTE, support);
        return support;
    }

    private static ContainerSupport find(ServletContext context) {
        ServiceLoader<ContainerSupport.Provider> providers =
                ServiceLoader.load(ContainerSupport.Provider.class, ContainerSupport.class.getClassLoader());
        Iterator<ContainerSupport.Provider> it = providers.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return null;
                }
                ContainerSupport support = it.next().supportFor(context);
                if (support != null) {
                    return support;
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider of another class loader (on the container's class path rather
                // than beside this jar), or one whose container classes are missing.
                LOG.log(Level.FINE, "Ignoring a container support that cannot be loaded here", e);
            }
        }
    }

    /** What the Servlet API alone allows, and on Tomcat one warning about what that costs. */
    private static ContainerSupport withoutSupport(ServletContext context) {
        String server = String.valueOf(context.getServerInfo());
        if (!server.toLowerCase(Locale.ROOT).startsWith("apache tomcat/")) {
            return SERVLET_API;
        }
        LOG.warning("Switchboard runs " + contextName(context) + " on " + server + " without its Tomcat support"
                + " (upgrade-tomcat.jar beside upgrade-servlet.jar in WEB-INF/lib): upgraded connections that the"
                + " application closes stay open until their peer sends or closes, and input resumed after"
                + " back-pressure, or arriving while another thread works on the connection, waits for the peer's next"
                + " bytes; the TLS policy reads transport guarantees from"
                + " web.xml alone and cannot take them over from Tomcat, and sees neither its TLS connectors nor"
                + " its valves");
        return TOMCAT_WITHOUT_SUPPORT;
    }

    private static String contextName(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Any container, through the Servlet API alone. */
    static final ContainerSupport SERVLET_API = new ContainerSupport() {
        @Override
        public String name() {
            return "the Servlet API";
        }

        @Override
        public ConnectionControl control(WebConnection connection) {
            return ConnectionControl.PORTABLE;
        }
    };

    /**
     * Tomcat through the Servlet API alone: its upgraded input may only be read on its read
     * callback, and nothing can ask for one, so resumed input waits for the peer's next bytes.
     */
    static final ContainerSupport TOMCAT_WITHOUT_SUPPORT = new ContainerSupport() {
        private final ConnectionControl confined = new ConnectionControl() {
            @Override
            public boolean confinedReads() {
                return true;
            }

            @Override
            public void dispatchRead() {
                // nothing can: the next bytes from the peer call back
            }

            @Override
            public void close() {
                // WebConnection.close() is all there is
            }

            /**
             * Tomcat's default {@code socket.appWriteBufSize}. Writes of one byte less, each
             * flushed, end exactly on a full buffer only if its size divides 8191, a prime: the
             * cap helps whatever the connector's buffer is, unless it is 8191 bytes.
             */
            @Override
            public int writeBufferSize() {
                return 8192;
            }
        };

        @Override
        public String name() {
            return "Tomcat without its support";
        }

        @Override
        public ConnectionControl control(WebConnection connection) {
            return confined;
        }
    };
}
