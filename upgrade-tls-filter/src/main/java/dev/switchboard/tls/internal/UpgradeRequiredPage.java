package dev.switchboard.tls.internal;

/**
 * The human-readable body of a {@code 426} for a resource that requires TLS (RFC 2817
 * section 4.2: "the reason for the error and ... any alternative courses"): what happened,
 * the https URL, and, where RFC 2817's optional form would switch the request, how to
 * upgrade this connection instead. Peer-influenced text (the host and path inside the URL)
 * is escaped for each format.
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
        return switch (format) {
            case HTML -> html(httpsUrl, upgrade);
            case JSON -> json(httpsUrl, upgrade);
            case TEXT -> text(httpsUrl, upgrade);
        };
    }

    private static String text(String url, String upgrade) {
        if (upgrade == null) {
            return reason(url) + ".\n";
        }
        return reason(url) + ",\nor upgrade this connection in place (RFC 2817): send the request again with\n"
                + "  Upgrade: " + upgrade + "\n  Connection: upgrade\n";
    }

    private static String html(String url, String upgrade) {
        String u = html(url);
        String inPlace = upgrade == null ? ""
                : "<p>HTTP clients that support RFC 2817 can instead upgrade this connection by sending the "
                        + "request again with <code>Upgrade: " + html(upgrade) + "</code> and "
                        + "<code>Connection: upgrade</code>.</p>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>426 Upgrade Required</title></head>\n"
                + "<body>\n<h1>TLS required</h1>\n"
                + "<p>This resource is only served over an encrypted connection.</p>\n"
                + "<p>Continue at <a href=\"" + u + "\">" + u + "</a>.</p>\n"
                + inPlace + "</body>\n</html>\n";
    }

    private static String json(String url, String upgrade) {
        return "{\"status\":426,\"error\":\"Upgrade Required\",\"reason\":" + json(reason(url))
                + ",\"location\":" + json(url) + (upgrade == null ? "" : ",\"upgrade\":" + json(upgrade)) + "}\n";
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
