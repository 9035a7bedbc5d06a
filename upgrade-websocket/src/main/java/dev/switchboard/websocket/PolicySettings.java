package dev.switchboard.websocket;

import java.util.List;
import java.util.Optional;

import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.DeflatePolicy;
import dev.switchboard.websocket.handshake.ExtensionPolicy;
import dev.switchboard.websocket.handshake.OriginPolicy;
import dev.switchboard.websocket.handshake.SubprotocolPolicy;
import dev.switchboard.websocket.handshake.TrustedProxies;

/**
 * The one place where text (web.xml parameters, {@link WebSocketPolicy} attributes) becomes
 * {@link EndpointPolicy}: each option present under a prefix replaces the builder's value, and
 * every bad value names its parameter.
 */
final class PolicySettings {

    private PolicySettings() {
    }

    static void apply(EndpointPolicy.Builder b, Settings s, String prefix) {
        b.origins(origins(b.currentOrigins(), s, prefix));
        b.subprotocols(subprotocols(b.currentSubprotocols(), s, prefix));
        b.extensions(extensions(b.currentExtensions(), s, prefix));
        authorization(b, s, prefix);
        b.limits(new SessionLimits(
                s.getInt(prefix + EndpointPolicy.MAX_SESSIONS, b.currentLimits().maxSessions(), 0, 10_000_000),
                s.getDuration(prefix + EndpointPolicy.IDLE_TIMEOUT, b.currentLimits().idleTimeout()),
                s.getSize(prefix + EndpointPolicy.MAX_MESSAGE_SIZE, b.currentLimits().maxMessageSize(), 1024, 1 << 30)));
    }

    private static OriginPolicy origins(OriginPolicy current, Settings s, String prefix) {
        OriginPolicy.Builder b = current.toBuilder();
        List<String> list = s.getList(prefix + EndpointPolicy.ORIGINS);
        if (!list.isEmpty()) {
            try {
                b.origins(list);
            } catch (IllegalArgumentException e) {
                throw named(prefix + EndpointPolicy.ORIGINS, e);
            }
        }
        b.requireOrigin(s.getBoolean(prefix + EndpointPolicy.REQUIRE_ORIGIN, current.requireOrigin()));
        List<String> proxies = s.getList(prefix + EndpointPolicy.TRUSTED_PROXIES);
        if (!proxies.isEmpty()) {
            try {
                b.trustedProxies(TrustedProxies.of(proxies));
            } catch (IllegalArgumentException e) {
                throw named(prefix + EndpointPolicy.TRUSTED_PROXIES, e);
            }
        }
        return b.build();
    }

    private static SubprotocolPolicy subprotocols(SubprotocolPolicy current, Settings s, String prefix) {
        SubprotocolPolicy p = current;
        List<String> supported = s.getList(prefix + EndpointPolicy.SUBPROTOCOLS);
        if (!supported.isEmpty()) {
            try {
                p = p.withSupported(supported);
            } catch (IllegalArgumentException e) {
                throw named(prefix + EndpointPolicy.SUBPROTOCOLS, e);
            }
        }
        p = p.withSelection(s.getEnum(prefix + EndpointPolicy.SUBPROTOCOL_SELECTION, SubprotocolPolicy.Selection.class,
                p.selection()));
        return p.withRequired(s.getBoolean(prefix + EndpointPolicy.SUBPROTOCOL_REQUIRED, p.required()));
    }

    private static ExtensionPolicy extensions(ExtensionPolicy current, Settings s, String prefix) {
        ExtensionPolicy e = current;
        List<String> allowed = s.getList(prefix + EndpointPolicy.EXTENSIONS);
        if (allowed.equals(List.of("none"))) {
            e = e.withAllowed(List.of());
        } else if (!allowed.isEmpty()) {
            try {
                e = e.withAllowed(allowed);
            } catch (IllegalArgumentException x) {
                throw named(prefix + EndpointPolicy.EXTENSIONS, x);
            }
        }
        DeflatePolicy d = e.deflate()
                .withEnabled(s.getBoolean(prefix + EndpointPolicy.PERMESSAGE_DEFLATE, e.deflate().enabled()))
                .withServerNoContextTakeover(s.getBoolean(prefix + EndpointPolicy.SERVER_NO_CONTEXT_TAKEOVER,
                        e.deflate().serverNoContextTakeover()))
                .withClientNoContextTakeover(s.getBoolean(prefix + EndpointPolicy.CLIENT_NO_CONTEXT_TAKEOVER,
                        e.deflate().clientNoContextTakeover()));
        if (s.get(prefix + EndpointPolicy.CLIENT_MAX_WINDOW_BITS).isPresent()) {
            d = d.withClientMaxWindowBits(s.getInt(prefix + EndpointPolicy.CLIENT_MAX_WINDOW_BITS, 15, 8, 15));
        }
        return e.withDeflate(d);
    }

    private static void authorization(EndpointPolicy.Builder b, Settings s, String prefix) {
        b.challenge(s.getString(prefix + EndpointPolicy.AUTH_CHALLENGE, b.challenge()));
        List<String> roles = s.getList(prefix + EndpointPolicy.ROLES);
        Optional<String> auth = s.get(prefix + EndpointPolicy.AUTH);
        if (auth.isEmpty()) {
            if (!roles.isEmpty()) {
                b.authorizer(HandshakeAuthorizer.authenticated(b.challenge(), roles));
            }
            return;
        }
        String value = auth.get();
        if (value.equals("none")) {
            b.authorizer(HandshakeAuthorizer.ALLOW_ALL);
        } else if (value.equals("authenticated")) {
            b.authorizer(HandshakeAuthorizer.authenticated(b.challenge(), roles));
        } else {
            b.authorizer(instantiate(prefix + EndpointPolicy.AUTH, value));
        }
    }

    private static HandshakeAuthorizer instantiate(String param, String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(className, true, loader != null ? loader : PolicySettings.class.getClassLoader());
            if (!HandshakeAuthorizer.class.isAssignableFrom(type)) {
                throw Settings.invalid(param, "none, authenticated, or a HandshakeAuthorizer class", className);
            }
            return (HandshakeAuthorizer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            IllegalArgumentException x = Settings.invalid(param,
                    "none, authenticated, or a HandshakeAuthorizer class with a public no-argument constructor", className);
            x.initCause(e);
            throw x;
        }
    }

    private static IllegalArgumentException named(String param, IllegalArgumentException e) {
        return new IllegalArgumentException(param + ": " + e.getMessage(), e);
    }
}
