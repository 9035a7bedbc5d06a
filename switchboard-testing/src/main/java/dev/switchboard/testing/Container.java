package dev.switchboard.testing;

import java.util.Locale;

/**
 * A container the scenarios run on, and the few ways in which containers legitimately write
 * different bytes (so that tests can still assert exact status lines).
 *
 * @param name such as {@code Tomcat} or {@code Jetty}
 * @param version such as {@code 11.0.25}
 */
public record Container(String name, String version) {

    /** The embedded Tomcat on the classpath. */
    public static Container tomcat() {
        return new Container("Tomcat", tomcatVersion());
    }

    private static String tomcatVersion() {
        try {
            Class<?> info = Class.forName("org.apache.catalina.util.ServerInfo");
            return (String) info.getMethod("getServerNumber").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tomcat is not on the classpath", e);
        }
    }

    public boolean isTomcat() {
        return name.equals("Tomcat");
    }

    public boolean isJetty() {
        return name.equals("Jetty");
    }

    /**
     * The exact status line this container writes for {@code status}: Tomcat sends no reason
     * phrase ({@code HTTP/1.1 101 }), Jetty sends the standard one. Both are valid (RFC 9112
     * section 4: the reason phrase may be empty).
     */
    public String statusLine(int status) {
        if (isTomcat()) {
            return "HTTP/1.1 " + status + " ";
        }
        return "HTTP/1.1 " + status + " " + reasonPhrase(status);
    }

    /**
     * The {@code Content-Type} this container writes when the application sets {@code written}:
     * Jetty writes the charset in lower case ({@code text/plain;charset=utf-8}), Tomcat as set.
     * Both are valid: charset names compare case-insensitively (RFC 9110 section 8.3.2).
     */
    public String contentType(String written) {
        if (!isJetty()) {
            return written;
        }
        int at = written.toLowerCase(Locale.ROOT).indexOf("charset=");
        return at < 0 ? written : written.substring(0, at) + written.substring(at).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the container itself answers {@code 400} to a request that has {@code Upgrade}
     * but no {@code upgrade} connection option, before any filter runs. Jetty 12.1 does
     * ({@code 400 Invalid h2c upgrade headers}, whatever the protocol); Tomcat passes the
     * request on. Either way there is no switch (UPG-03).
     */
    public boolean refusesUpgradeWithoutConnectionOption() {
        return isJetty();
    }

    /**
     * Which {@code Upgrade} field line the container's own h2c support reads when a request has
     * several: neither combines them (RFC 9110 section 5.3). Tomcat reads the first line, Jetty
     * the last; a request that wants the container's h2c puts {@code h2c} there.
     */
    public boolean h2cReadsLastUpgradeLine() {
        return isJetty();
    }

    /**
     * Whether {@code CONNECT} requests reach the application's filters. Jetty delivers them (with
     * path {@code /}, so only to the application at the root context); Tomcat answers
     * {@code 501} itself.
     */
    public boolean deliversConnect() {
        return isJetty();
    }

    /**
     * Whether the container itself answers {@code 400} to a request with both
     * {@code Content-Length} and {@code Transfer-Encoding}, before any filter runs (Jetty 12.1).
     * Tomcat drops {@code Content-Length}, reads the body as chunked, closes the connection after
     * the response, and passes the request on (RFC 9112 section 6.3 allows either).
     */
    public boolean refusesContentLengthWithTransferEncoding() {
        return isJetty();
    }

    /**
     * The status the container itself answers to a request head over its size limit, before
     * any filter runs: Tomcat {@code 400}, Jetty {@code 431} (RFC 6585 section 5).
     */
    public int headTooLargeStatus() {
        return isJetty() ? 431 : 400;
    }

    /**
     * Whether the container answers {@code OPTIONS *} itself with {@code 200} and {@code Allow}
     * (Tomcat); Jetty answers {@code 404}. Neither delivers it to the application (TLS-04).
     */
    public boolean answersOptionsStar() {
        return isTomcat();
    }

    /**
     * The {@code Connection} value of the 101 the container's own WebSocket implementation
     * writes: {@code upgrade} on Tomcat, {@code Upgrade} on Jetty (connection options compare
     * case-insensitively, RFC 9110 section 7.6.1).
     */
    public String webSocketConnection() {
        return isJetty() ? "Upgrade" : "upgrade";
    }

    /**
     * Whether the container's permessage-deflate keeps the window-bits parameters that the
     * application agreed to in the 101 (Tomcat). Jetty's extension stack negotiates on its own
     * and answers without them, which RFC 7692 section 7.1.2 allows: the defaults then apply
     * and never exceed what the client offered.
     */
    public boolean answersDeflateWindowBits() {
        return !isJetty();
    }

    /** The 101's permessage-deflate value with both no-context-takeover parameters, in the container's order. */
    public String deflateWithoutContextTakeover() {
        return isJetty() ? "permessage-deflate;client_no_context_takeover;server_no_context_takeover"
                : "permessage-deflate;server_no_context_takeover;client_no_context_takeover";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 421 -> "Misdirected Request";
            case 426 -> "Upgrade Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
