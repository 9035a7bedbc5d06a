package dev.switchboard.tls.internal;

/**
 * The human-readable body of a {@code 426} for a resource that requires TLS (RFC 2817
 * section 4.2: "the reason for the error and ... any alternative courses"): what happened,
 * the https URL, and only the alternatives the configuration enables: where RFC 2817's
 * optional form would switch the request, how to upgrade this connection instead; where the
 * cleartext connector serves the mandatory form ({@code OPTIONS *}), a client command for the
 * https URL and how to upgrade a connection in place before any request. Peer-influenced text
 * (the host and path inside the URL) is escaped for each format.
 */
public final class UpgradeRequiredPage {

    private UpgradeRequiredPage() {
    }

    /** The one-line reason, also the plain-text body's first line. */
    public static String reason(String httpsUrl) {
        return "This resource requires TLS. Use " + httpsUrl + " instead";
    }

    /**
     * The body in {@code format}.
     *
     * @param upgrade the {@code Upgrade} value to send the request again with, when an upgrade
     *     in place would switch it; null to name the https URL alone
     */
    public static String render(ResponseFormat format, String httpsUrl, String upgrade) {
        return render(format, httpsUrl, upgrade, null);
    }

    /**
     * The body in {@code format}.
     *
     * @param upgrade the {@code Upgrade} value to send the request again with, when an upgrade
     *     in place would switch it; null when it would not
     * @param connectorOffer the {@code Upgrade} value to send with {@code OPTIONS *}, when the
     *     cleartext connector serves RFC 2817's mandatory form; null when it does not
     */
    public static String render(ResponseFormat format, String httpsUrl, String upgrade, String connectorOffer) {
        return switch (format) {
            case HTML -> html(httpsUrl, upgrade, connectorOffer);
            case JSON -> json(httpsUrl, upgrade, connectorOffer);
            case TEXT -> text(httpsUrl, upgrade, connectorOffer);
        };
    }

    private static String text(String url, String upgrade, String connectorOffer) {
        StringBuilder out = new StringBuilder(reason(url));
        if (connectorOffer != null) {
            out.append(" (for example: curl ").append(url).append(')');
        }
        if (upgrade == null && connectorOffer == null) {
            return out.append(".\n").toString();
        }
        out.append(",\n");
        if (upgrade != null) {
            out.append("or upgrade this connection in place (RFC 2817): send the request again with\n")
                    .append("  Upgrade: ").append(upgrade).append("\n  Connection: upgrade\n");
        }
        if (connectorOffer != null) {
            out.append("or upgrade a new connection to this port in place before any request (RFC 2817):\n")
                    .append("  OPTIONS * HTTP/1.1\n  Upgrade: ").append(connectorOffer).append("\n  Connection: upgrade\n")
                    .append("then, after the 101, the TLS handshake and this request over TLS on the same connection\n")
                    .append("(ipptool -E and Apache HttpClient 5 with protocol upgrade enabled do this).\n");
        }
        return out.toString();
    }

    private static String html(String url, String upgrade, String connectorOffer) {
        String u = html(url);
        String command = connectorOffer == null ? ""
                : "<p>From a terminal: <code>curl " + u + "</code></p>\n";
        String inPlace = upgrade == null ? ""
                : "<p>HTTP clients that support RFC 2817 can instead upgrade this connection by sending the "
                        + "request again with <code>Upgrade: " + html(upgrade) + "</code> and "
                        + "<code>Connection: upgrade</code>.</p>\n";
        String atConnector = connectorOffer == null ? ""
                : "<p>HTTP clients that support RFC 2817 can also upgrade a new connection to this port in place "
                        + "before any request: <code>OPTIONS * HTTP/1.1</code> with <code>Upgrade: "
                        + html(connectorOffer) + "</code> and <code>Connection: upgrade</code>, then, after the "
                        + "<code>101</code>, the TLS handshake and this request over TLS on the same connection "
                        + "(<code>ipptool -E</code> and Apache HttpClient 5 with protocol upgrade enabled do this).</p>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>426 Upgrade Required</title></head>\n"
                + "<body>\n<h1>TLS required</h1>\n"
                + "<p>This resource is only served over an encrypted connection.</p>\n"
                + "<p>Continue at <a href=\"" + u + "\">" + u + "</a>.</p>\n"
                + command + inPlace + atConnector + "</body>\n</html>\n";
    }

    private static String json(String url, String upgrade, String connectorOffer) {
        return "{\"status\":426,\"error\":\"Upgrade Required\",\"reason\":" + json(reason(url))
                + ",\"location\":" + json(url) + (upgrade == null ? "" : ",\"upgrade\":" + json(upgrade))
                + (connectorOffer == null ? "" : ",\"connectorUpgrade\":" + json(connectorOffer)) + "}\n";
    }

    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
