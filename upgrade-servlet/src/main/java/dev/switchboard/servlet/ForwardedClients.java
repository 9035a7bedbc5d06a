package dev.switchboard.servlet;

import java.util.List;
import java.util.Objects;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.http.ForwardedClientResolver;
import dev.switchboard.http.ForwardedFields;
import dev.switchboard.options.InvalidOptionException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one {@link ForwardedClientResolver} of a web application, built once from its context
 * param {@code switchboard.trustedProxies}, and through it the client of each request. The TLS
 * policy, the WebSocket origin check and the tunnel all ask here, so that the same forged or
 * malformed {@code Forwarded} / {@code X-Forwarded-*} gets the same answer from each: believed
 * from a trusted proxy, ignored from anyone else, {@code 400} when a trusted proxy's field is
 * malformed.
 *
 * <p>A request is resolved once: the first part of the server to ask resolves the request as
 * the container delivered it, and later parts (which may see a request wrapped to show the
 * forwarded view) get the same {@link ForwardedClient} from a request attribute.
 *
 * <p>Thread-safe.
 */
public final class ForwardedClients {

    /** The context attribute holding the context's instance. */
    public static final String ATTRIBUTE = ForwardedClients.class.getName();

    private static final String REQUEST_ATTRIBUTE = ForwardedClients.class.getName() + ".client";
    /** The context params this setting replaced: the TLS policy's list and the WebSocket policies'. */
    private static final List<String> REMOVED_KEYS = List.of("switchboard.tls.trustedProxies",
            "switchboard.websocket.trustedProxies");

    private final ForwardedClientResolver resolver;

    private ForwardedClients(ForwardedClientResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Trusting {@code trustedProxies}, with whichever one family of fields a request carries. */
    public static ForwardedClients of(AddressSet trustedProxies) {
        return of(trustedProxies, ForwardedFields.EITHER);
    }

    /** Trusting {@code trustedProxies} for the family of fields {@code fields}. */
    public static ForwardedClients of(AddressSet trustedProxies, ForwardedFields fields) {
        return new ForwardedClients(new ForwardedClientResolver(trustedProxies, fields));
    }

    /**
     * The instance of {@code context}: the one installed with {@link #install}, else one read
     * from the context params, made on the first call and kept.
     *
     * @throws IllegalArgumentException naming the parameter, if {@code switchboard.trustedProxies}
     *     is invalid or a context param sets a key it replaced
     */
    public static ForwardedClients of(ServletContext context) {
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof ForwardedClients existing) {
                return existing;
            }
            Settings settings = Settings.of(context);
            REMOVED_KEYS.forEach(key -> refuseRemovedKey(settings, key));
            ForwardedClients made = from(settings);
            context.setAttribute(ATTRIBUTE, made);
            return made;
        }
    }

    /**
     * Reads {@code switchboard.trustedProxies} and {@code switchboard.trustedProxyFields}.
     *
     * @throws IllegalArgumentException naming the parameter, if one is invalid
     */
    public static ForwardedClients from(Settings settings) {
        return of(UpgradeDeclarations.TRUSTED_PROXIES.get(settings), UpgradeDeclarations.TRUSTED_PROXY_FIELDS.get(settings));
    }

    /** Makes {@code clients} the instance of {@code context}, for applications that configure it in code. */
    public static void install(ServletContext context, ForwardedClients clients) {
        synchronized (context) {
            context.setAttribute(ATTRIBUTE, Objects.requireNonNull(clients, "clients"));
        }
    }

    /**
     * The client of {@code request}, resolved once per request.
     *
     * @throws FieldSyntaxException (400) if a trusted proxy sent malformed forwarding fields
     */
    public ForwardedClient resolve(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof ForwardedClient known) {
            return known;
        }
        ForwardedClient client = resolver.resolve(new ServletRequestHead(request), request.getRemoteAddr(),
                request.getRemotePort());
        request.setAttribute(REQUEST_ATTRIBUTE, client);
        return client;
    }

    /** The client already resolved for {@code request}, or null when nobody has asked yet. */
    public static ForwardedClient resolved(ServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof ForwardedClient known ? known : null;
    }

    public ForwardedClientResolver resolver() {
        return resolver;
    }

    public AddressSet trustedProxies() {
        return resolver.trustedProxies();
    }

    /**
     * Fails when {@code settings} still sets {@code removed}, a key that this setting replaced:
     * ignoring a security setting silently would be worse than not starting.
     *
     * @throws InvalidOptionException naming both keys
     */
    public static void refuseRemovedKey(Settings settings, String removed) {
        if (settings.get(removed).isPresent()) {
            throw removedKey(removed);
        }
    }

    /** The error for a configuration that still sets {@code removed}. */
    public static InvalidOptionException removedKey(String removed) {
        return InvalidOptionException.named(removed, new IllegalArgumentException("no longer read: set "
                + UpgradeOptions.TRUSTED_PROXIES + " instead (one list for the TLS policy, WebSocket origin checks "
                + "and the tunnel)"));
    }

    @Override
    public String toString() {
        return "ForwardedClients[trusted " + (trustedProxies().isEmpty() ? "none"
                : trustedProxies() + ", fields " + resolver.fields()) + "]";
    }
}
