package dev.switchboard.tls.internal;

import jakarta.servlet.http.HttpServletRequest;

/** The https URL of a request: the same host, path and query, on the configured https port. */
public final class HttpsLocation {

    private HttpsLocation() {
    }

    /** {@code https://host[:port]/path?query}; the port is left out when it is 443. */
    public static String of(HttpServletRequest request, int httpsPort) {
        StringBuilder url = new StringBuilder(64).append("https://").append(hostForUrl(request.getServerName()));
        if (httpsPort != 443) {
            url.append(':').append(httpsPort);
        }
        url.append(request.getRequestURI());
        String query = request.getQueryString();
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    /** A host name as written in a URL: IPv6 literals in brackets. */
    static String hostForUrl(String host) {
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            return "[" + host + "]";
        }
        return host;
    }
}
