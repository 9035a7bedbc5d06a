package dev.switchboard.websocket.internal;

import java.util.Map;

import dev.switchboard.websocket.EndpointPolicy;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Where handshakes for one endpoint path go, and under which policy.
 *
 * @param template the endpoint's path
 * @param kind who switches the connection, and who agrees the 101's fields
 * @param policy the endpoint's resolved policy
 * @param sessions the endpoint's sessions, or null when Switchboard does not bound them
 * @param config the configuration to upgrade with, for {@link Kind#PROGRAMMATIC} only
 * @param description for logs: the endpoint class and path
 */
public record Route(PathTemplate template, Kind kind, EndpointPolicy policy, EndpointSessions sessions,
        ServerEndpointConfig config, String description) {

    /** Who switches the connection. */
    public enum Kind {
        /** Registered with Switchboard: Switchboard upgrades with {@code upgradeHttpToWebSocket}. */
        PROGRAMMATIC,
        /**
         * Annotated with Switchboard's configurator, or registered as delegated: the container (or a
         * framework's handshake) switches further down the chain, with Switchboard's agreement.
         */
        ANNOTATED,
        /** Annotated with another configurator: validated and checked, then left to the container entirely. */
        CONTAINER
    }

    /**
     * A route and the path parameters of one request.
     *
     * @param route the route
     * @param parameters the values of the path's {@code {name}} segments
     */
    public record Match(Route route, Map<String, String> parameters) {
    }
}
