package dev.switchboard.websocket;

import static dev.switchboard.websocket.EndpointDeclarations.AUTH;
import static dev.switchboard.websocket.EndpointDeclarations.AUTH_CHALLENGE;
import static dev.switchboard.websocket.EndpointDeclarations.ROLES;

import java.util.List;
import java.util.Optional;

import dev.switchboard.options.Bindings;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.options.Parameters;
import dev.switchboard.servlet.ForwardedClients;

/**
 * The one place where text (web.xml parameters, {@link WebSocketPolicy} attributes) becomes
 * {@link EndpointPolicy}: each option of {@link EndpointDeclarations} present under a prefix
 * replaces the builder's value; every bad value names its parameter.
 */
final class PolicySettings {

    private static final OptionGroup GROUP = EndpointDeclarations.GROUP;

    /**
     * No longer read: the trusted proxies are the context's {@code switchboard.trustedProxies}
     * for every endpoint; a policy that still sets this key fails to build, naming it.
     */
    private static final String REMOVED_TRUSTED_PROXIES = "trustedProxies";

    /** Every option but the three of authorization, which {@link #authorization} reads together. */
    private static final Bindings<EndpointPolicy.Builder> BINDINGS = Bindings.<EndpointPolicy.Builder>of(GROUP)
            .bind(EndpointDeclarations.ORIGINS, (b, v) -> b.origins(b.currentOrigins().toBuilder().origins(v).build()))
            .bind(EndpointDeclarations.REQUIRE_ORIGIN,
                    (b, v) -> b.origins(b.currentOrigins().toBuilder().requireOrigin(v).build()))
            .bind(EndpointDeclarations.SUBPROTOCOLS, (b, v) -> b.supportedSubprotocols(v))
            .bind(EndpointDeclarations.SUBPROTOCOL_SELECTION,
                    (b, v) -> b.subprotocols(b.currentSubprotocols().withSelection(v)))
            .bind(EndpointDeclarations.SUBPROTOCOL_REQUIRED,
                    (b, v) -> b.subprotocols(b.currentSubprotocols().withRequired(v)))
            .bind(EndpointDeclarations.EXTENSIONS, (b, v) -> b.extensions(b.currentExtensions().withAllowed(v)))
            .bind(EndpointDeclarations.PERMESSAGE_DEFLATE,
                    (b, v) -> b.deflate(b.currentExtensions().deflate().withEnabled(v)))
            .bind(EndpointDeclarations.SERVER_NO_CONTEXT_TAKEOVER,
                    (b, v) -> b.deflate(b.currentExtensions().deflate().withServerNoContextTakeover(v)))
            .bind(EndpointDeclarations.CLIENT_NO_CONTEXT_TAKEOVER,
                    (b, v) -> b.deflate(b.currentExtensions().deflate().withClientNoContextTakeover(v)))
            .bind(EndpointDeclarations.CLIENT_MAX_WINDOW_BITS,
                    (b, v) -> b.deflate(b.currentExtensions().deflate().withClientMaxWindowBits(v)))
            .bind(EndpointDeclarations.MAX_SESSIONS, EndpointPolicy.Builder::maxSessions)
            .bind(EndpointDeclarations.IDLE_TIMEOUT, EndpointPolicy.Builder::idleTimeout)
            .bind(EndpointDeclarations.MAX_MESSAGE_SIZE, EndpointPolicy.Builder::maxMessageSize);

    private PolicySettings() {
    }

    /** Every option, by key ({@code maxSessions}) when {@code prefix} is empty, as an annotation names them. */
    static void apply(EndpointPolicy.Builder b, Parameters p, String prefix) {
        String removed = prefix + REMOVED_TRUSTED_PROXIES;
        if (p.get(removed).isPresent()) {
            throw ForwardedClients.removedKey(removed);
        }
        BINDINGS.apply(b, p, prefix);
        authorization(b, p, prefix);
    }

    /**
     * {@code auth}, {@code roles} and {@code authChallenge} of one layer: the challenge first,
     * as {@code authenticated} and {@code roles} use it; {@code roles} alone implies
     * {@code authenticated}.
     */
    private static void authorization(EndpointPolicy.Builder b, Parameters p, String prefix) {
        AUTH_CHALLENGE.read(p, GROUP.nameIn(AUTH_CHALLENGE, prefix)).ifPresent(b::challenge);
        List<String> roles = ROLES.read(p, GROUP.nameIn(ROLES, prefix)).orElse(List.of());
        Optional<HandshakeAuthorizer> auth = AUTH.read(p, GROUP.nameIn(AUTH, prefix));
        if (auth.isEmpty()) {
            if (!roles.isEmpty()) {
                b.authorizer(HandshakeAuthorizer.authenticated(b.challenge(), roles));
            }
        } else if (auth.get() == AuthorizerType.AUTHENTICATED) {
            b.authorizer(HandshakeAuthorizer.authenticated(b.challenge(), roles));
        } else {
            b.authorizer(auth.get());
        }
    }
}
