package dev.switchboard.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One tunnel route: upgrade requests whose path (inside the web application) starts with
 * {@link #prefix()} are forwarded to {@link #backend()}.
 *
 * <p>The backend URL says where the request goes and how its path is rewritten, the way
 * most reverse proxies do it:
 * <ul>
 *   <li>With no path ({@code http://10.0.0.5:8080}), the request's path is sent unchanged,
 *       context path included: {@code /app/tunnel/chat} stays {@code /app/tunnel/chat}.</li>
 *   <li>With a path ({@code http://10.0.0.5:8080/ws/}), that path replaces the prefix:
 *       with prefix {@code /tunnel/}, {@code /app/tunnel/chat?room=1} becomes
 *       {@code /ws/chat?room=1}.</li>
 * </ul>
 * The query is always kept. Paths are compared and rewritten as the client sent them
 * (not decoded). Immutable.
 *
 * @param prefix the start of the path inside the web application, beginning with {@code /}
 * @param backend an {@code http://} or {@code https://} URL with a host, and no query,
 *     fragment or user info
 */
public record Route(String prefix, URI backend) {

    public Route {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(backend, "backend");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("expected a route prefix starting with / but was \"" + prefix + "\"");
        }
        String scheme = backend.getScheme() == null ? "" : backend.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("expected an http:// or https:// backend URL but was " + backend);
        }
        if (backend.getHost() == null) {
            throw new IllegalArgumentException("expected a backend URL with a host but was " + backend);
        }
        if (backend.getRawQuery() != null || backend.getRawFragment() != null || backend.getRawUserInfo() != null) {
            throw new IllegalArgumentException("expected a backend URL without query, fragment or user info but was "
                    + backend);
        }
    }

    /** A route from {@code prefix} to the URL {@code backend}; see the class description. */
    public static Route of(String prefix, String backend) {
        try {
            return new Route(prefix, new URI(backend));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("expected a backend URL but was \"" + backend + "\": "
                    + e.getReason(), e);
        }
    }

    /** Whether {@code pathInContext} (the request path after the context path) is under this route. */
    public boolean matches(String pathInContext) {
        if (!pathInContext.startsWith(prefix)) {
            return false;
        }
        // "/tunnel" must not match "/tunnels": the prefix ends at a segment boundary.
        return prefix.endsWith("/") || pathInContext.length() == prefix.length()
                || pathInContext.charAt(prefix.length()) == '/';
    }

    /** Whether the backend is reached over TLS. */
    public boolean secure() {
        return backend.getScheme().equalsIgnoreCase("https");
    }

    /** The backend's host, without brackets for an IPv6 literal. */
    public String host() {
        String h = backend.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The backend's port: the URL's, else 443 for https and 80 for http. */
    public int port() {
        if (backend.getPort() >= 0) {
            return backend.getPort();
        }
        return secure() ? 443 : 80;
    }

    /** The {@code Host} field for the backend: host, and port when it is not the scheme's default. */
    public String authority() {
        String h = backend.getHost();
        return backend.getPort() < 0 ? h : h + ':' + backend.getPort();
    }

    /**
     * The request target to send to the backend.
     *
     * @param requestUri the request's path as sent, context path included ({@code /app/tunnel/chat})
     * @param pathInContext the part after the context path ({@code /tunnel/chat})
     * @param rawQuery the query as sent, or null
     */
    public String target(String requestUri, String pathInContext, String rawQuery) {
        String basePath = backend.getRawPath();
        String path;
        if (basePath == null || basePath.isEmpty()) {
            path = requestUri;
        } else {
            String rest = pathInContext.substring(prefix.length());
            if (basePath.endsWith("/") && rest.startsWith("/")) {
                rest = rest.substring(1);
            } else if (!basePath.endsWith("/") && !rest.isEmpty() && !rest.startsWith("/")) {
                rest = "/" + rest;
            }
            path = basePath + rest;
        }
        return rawQuery == null ? path : path + '?' + rawQuery;
    }

    @Override
    public String toString() {
        return prefix + " -> " + backend;
    }
}
