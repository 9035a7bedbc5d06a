package dev.switchboard.it;

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
            case 426 -> "Upgrade Required";
            case 431 -> "Request Header Fields Too Large";
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
