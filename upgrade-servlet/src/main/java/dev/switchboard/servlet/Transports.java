package dev.switchboard.servlet;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.container.GuaranteedCollection;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.internal.transport.SessionUpgradeHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * What {@code switchboard.transport} ({@link TransportChoice}) does to a context: which
 * container support its switches use, and the one line it logs at start to say which
 * transport carries its upgraded connections.
 */
final class Transports {

    private static final Logger LOG = Logger.getLogger(Transports.class.getName());

    private Transports() {
    }

    /**
     * {@code support}, without its own transport (neither {@link ContainerSupport#transport}
     * nor {@link ContainerSupport#carrier}) where the choice is the Servlet one; all else it
     * does, it still does.
     */
    static ContainerSupport chosen(ContainerSupport support, TransportChoice choice) {
        if (choice != TransportChoice.SERVLET) {
            return support;
        }
        return new ContainerSupport() {
            @Override
            public String name() {
                return support.name();
            }

            @Override
            public ConnectionControl control(WebConnection connection) {
                return support.control(connection);
            }

            @Override
            public Optional<List<GuaranteedCollection>> transportGuarantees(ServletContext context, boolean takeOver) {
                return support.transportGuarantees(context, takeOver);
            }

            @Override
            public Optional<Map<String, List<X509Certificate>>> tlsConnectorCertificates(ServletContext context) {
                return support.tlsConnectorCertificates(context);
            }

            @Override
            public List<String> identityFields(ServletContext context) {
                return support.identityFields(context);
            }

            @Override
            public Transport transport(WebConnection connection) {
                return null;
            }

            @Override
            public Class<? extends HttpUpgradeHandler> carrier(HttpServletRequest request) {
                return null;
            }
        };
    }

    /** Whether handlers of {@code type} run on Switchboard's connection engine, and so on any transport. */
    static boolean runsOnEngine(Class<? extends HttpUpgradeHandler> type) {
        return type == SessionUpgradeHandler.class;
    }

    /**
     * Says once per context which transport its upgraded connections use.
     *
     * @param own the name of the container's own transport that will be used where the
     *     connector allows it, or null when the Servlet one is used throughout
     * @param container what switches in this context, for the message
     * @param loggedAttribute the context attribute that marks the line as written
     */
    static void report(ServletContext context, TransportChoice choice, String own, String container,
            String loggedAttribute) {
        if (context.getAttribute(loggedAttribute) != null) {
            return;
        }
        context.setAttribute(loggedAttribute, Boolean.TRUE);
        String path = context.getContextPath() == null || context.getContextPath().isEmpty() ? "/"
                : context.getContextPath();
        String setting = "switchboard.transport=" + choice.name().toLowerCase(Locale.ROOT);
        if (own != null) {
            LOG.info(() -> "Upgraded connections of " + path + " run on the " + own + " transport where the connector "
                    + "allows it, else on the " + Transport.SERVLET + " transport (" + setting + ")");
        } else if (choice == TransportChoice.CONTAINER) {
            LOG.warning(setting + " but " + container + " offers no transport of its own: upgraded connections of "
                    + path + " run on the " + Transport.SERVLET + " transport");
        } else {
            LOG.info(() -> "Upgraded connections of " + path + " run on the " + Transport.SERVLET
                    + " transport (" + setting + ")");
        }
    }
}
