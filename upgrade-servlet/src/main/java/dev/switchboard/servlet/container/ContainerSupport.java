package dev.switchboard.servlet.container;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import dev.switchboard.servlet.internal.container.SupportLookup;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * What Switchboard needs from a container beyond the Servlet API, behind one seam: one
 * implementation per container, in a module of its own (Tomcat's in {@code upgrade-tomcat};
 * Jetty's specifics are in {@code upgrade-jetty}'s adapter), so that no other code reaches
 * into container classes. Without an implementation for its container, Switchboard still
 * works with what the Servlet API gives, and says once what that costs.
 *
 * <p>Implementations are found by {@link #of(ServletContext)} through a {@link Provider}
 * listed in {@code META-INF/services/dev.switchboard.servlet.container.ContainerSupport$Provider}
 * and loaded by the class loader of this interface (so a provider belongs in the same
 * {@code WEB-INF/lib} as {@code upgrade-servlet}). Implementations are thread-safe.
 */
public interface ContainerSupport {

    /**
     * Offers the support of one container. Found with {@link ServiceLoader} on every
     * container, so it must refer to no container class itself: it checks where it runs
     * before it creates anything that does.
     */
    interface Provider {
        /**
         * The support for the container that runs {@code context}, or null when that is not
         * this provider's container (or it cannot be supported here).
         *
         * @param context the application's context, or null when the caller has none at hand
         */
        ContainerSupport supportFor(ServletContext context);
    }

    /** The container and what this support is, for logs: {@code "Tomcat (upgrade-tomcat)"}. */
    String name();

    /**
     * The control of one upgraded connection of this container: what its Servlet streams
     * cannot do themselves. Called once per connection, when the container hands it over.
     */
    ConnectionControl control(WebConnection connection);

    /**
     * The web resource collections under a {@code CONFIDENTIAL} or {@code INTEGRAL} transport
     * guarantee that the container enforces for {@code context}, from every source it merged
     * (web.xml, fragments, annotations, {@code ServletRegistration.setServletSecurity}); empty
     * when they cannot be read here, so that the caller falls back to what it can read itself.
     * With {@code takeOver}, the container's own enforcement of those guarantees (a redirect to
     * its secure port) is switched off, only once every one has been read. Called while the
     * context starts.
     */
    default Optional<List<GuaranteedCollection>> transportGuarantees(ServletContext context, boolean takeOver) {
        return Optional.empty();
    }

    /**
     * The certificates that each TLS connector of {@code context}'s server presents, by a
     * description of the connector for messages; empty when the container does not show its
     * connectors to an application.
     */
    default Optional<Map<String, List<X509Certificate>>> tlsConnectorCertificates(ServletContext context) {
        return Optional.empty();
    }

    /**
     * The request fields that components of the container configured around {@code context}
     * (Tomcat's {@code RemoteIpValve}, {@code SSLValve}) believe about the client: its
     * address, scheme, port or certificate. Empty when there are none or they cannot be read.
     */
    default List<String> identityFields(ServletContext context) {
        return List.of();
    }

    /**
     * A transport of the container's own for {@code connection}, in place of its Servlet
     * streams, or null to run it on them. Called once per connection, when the container hands
     * it over, unless the context runs with {@code switchboard.transport=servlet}; null for a
     * connection the container's transport cannot serve falls back quietly. The default takes
     * what a container adapter offers ({@link AdapterTransport}).
     */
    default Transport transport(WebConnection connection) {
        return AdapterTransport.of(connection);
    }

    /**
     * The handler type to pass to {@code request.upgrade()} so that the connection of
     * {@code request} runs on a transport of the container's own ({@link TransportCarrier}),
     * or null to switch it the portable way (its Servlet streams, or what {@link #transport}
     * finds on them). Asked once per switch of a session on the engine, before
     * {@code upgrade()}, and not under {@code switchboard.transport=servlet}; null where the
     * carrier cannot serve this request's connection falls back quietly. The type must have a
     * public constructor taking nothing and implement {@link TransportCarrier}.
     */
    default Class<? extends HttpUpgradeHandler> carrier(HttpServletRequest request) {
        return null;
    }

    /**
     * The name of the transport {@link #transport} or {@link #carrier} offers where the
     * connector allows it ({@code "tomcat"}), or null when this support has none: for the line
     * each context logs at start. An adapter outside the web application names its own (see
     * {@link dev.switchboard.servlet.ContainerUpgrade}).
     */
    default String transportName() {
        return null;
    }

    /**
     * The name of the transport {@link #carrier} offers on an event loop of Switchboard's own
     * where the connector allows it ({@code "tomcat-loop"}), else {@link #transportName()}'s;
     * null when this support has none. For the line each context logs at start.
     */
    default String loopTransportName() {
        return null;
    }

    /**
     * The support for the container that runs {@code context}: a provider's if one answers,
     * else what the Servlet API alone allows, which on a container known to need more is
     * reported in one warning per context. Looked up once per context.
     *
     * @param context the application's context, or null when none is at hand (then nothing
     *     is cached or reported)
     */
    static ContainerSupport of(ServletContext context) {
        return SupportLookup.of(context);
    }
}
