package dev.switchboard.websocket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.websocket.EndpointPolicy;
import dev.switchboard.websocket.WebSocketEndpoint;
import dev.switchboard.websocket.WebSocketOptions;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The WebSocket endpoints of an application by path, with their resolved policies: those
 * registered with Switchboard and those the container deploys from annotations. Built once per
 * change of registrations; immutable and thread-safe.
 */
public final class Routes {

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = routes;
    }

    /**
     * Resolves every endpoint's policy.
     *
     * @throws IllegalArgumentException naming the endpoint and the option, if a policy is invalid
     */
    public static Routes build(WebSocketOptions options, List<WebSocketEndpoint> programmatic,
            List<AnnotatedEndpoint> annotated, SessionRegistry sessions) {
        List<Route> routes = new ArrayList<>();
        for (WebSocketEndpoint e : programmatic) {
            EndpointPolicy policy = resolve(e.toString(), () -> options.policyFor(e.name(), e.policy()));
            EndpointSessions s = sessions.forEndpoint(e.path(), policy.limits());
            if (e.delegated()) {
                routes.add(new Route(e.template(), Route.Kind.ANNOTATED, policy, s, null, "delegated endpoint at " + e.path()));
                continue;
            }
            routes.add(new Route(e.template(), Route.Kind.PROGRAMMATIC, policy, s, config(e, policy, s),
                    e.type().getName() + " at " + e.path()));
        }
        for (AnnotatedEndpoint a : annotated) {
            if (a.switchboardConfigurator()) {
                EndpointPolicy policy = resolve("@WebSocketPolicy on " + a.type().getName(),
                        () -> options.policyFor(a.name(), b -> {
                            b.supportedSubprotocols(a.subprotocols());
                            if (a.policy() != null) {
                                b.apply(AnnotationSettings.of(a.policy()), "");
                            }
                        }));
                EndpointSessions s = sessions.forEndpoint(a.path(), policy.limits());
                routes.add(new Route(a.template(), Route.Kind.ANNOTATED, policy, s, null,
                        a.type().getName() + " at " + a.path()));
            } else {
                routes.add(new Route(a.template(), Route.Kind.CONTAINER, options.defaultPolicy(), null, null,
                        a.type().getName() + " at " + a.path()));
            }
        }
        return new Routes(List.copyOf(routes));
    }

    private static EndpointPolicy resolve(String what, java.util.function.Supplier<EndpointPolicy> resolver) {
        try {
            return resolver.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static ServerEndpointConfig config(WebSocketEndpoint e, EndpointPolicy policy, EndpointSessions s) {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ManagedEndpoint.class, e.path())
                .subprotocols(policy.subprotocols().supported())
                .decoders(e.decoders())
                .encoders(e.encoders())
                .configurator(new ProgrammaticConfigurator(e, s))
                .build();
        config.getUserProperties().putAll(e.userProperties());
        return config;
    }

    /**
     * The most specific route for {@code path}: an exact path before a template, a literal
     * segment before a parameter, left to right; on a tie, the one registered first.
     *
     * @return null when no endpoint has this path
     */
    public Route.Match match(String path) {
        Route best = null;
        Map<String, String> bestParameters = null;
        for (Route r : routes) {
            Map<String, String> p = r.template().match(path);
            if (p != null && (best == null || PathTemplate.compareSpecificity(r.template(), best.template()) < 0)) {
                best = r;
                bestParameters = p;
            }
        }
        return best == null ? null : new Route.Match(best, bestParameters);
    }

    public List<Route> routes() {
        return routes;
    }
}
