package dev.switchboard.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place where an {@link HttpStatusException} becomes a response: its status, the
 * fields it carries, {@code Connection: close}, and its one-line reason as a
 * {@code text/plain} body.
 *
 * <pre>
 * HTTP/1.1 400
 * Connection: close
 * Content-Type: text/plain;charset=UTF-8
 * Content-Length: 62
 *
 * Invalid Upgrade field: expected token but was ',' at offset 4
 * </pre>
 *
 * <p><b>The connection closes after a refusal</b> (UPG-16). A refused request may have been
 * followed at once by bytes meant for the protocol it asked for, or by a request that a proxy
 * in front let through because it took the upgrade for granted; none of them may be read as a
 * new request. {@code Connection: close} makes Tomcat and Jetty close the connection once the
 * response is written (checked on the wire by the integration scenarios).
 *
 * <p>Two ways to send, which differ only for a refusal whose own fields name
 * {@code Connection}, such as a {@code 426} with {@code Connection: upgrade}:
 * <ul>
 *   <li>{@link #refuseUpgrade} answers a request that asked for an upgrade: the connection
 *       always closes, and such a refusal says so beside its own options
 *       ({@code Connection: upgrade, close}).</li>
 *   <li>{@link #send} answers any other request: a {@code 426} that invites the client to
 *       upgrade this very connection keeps its fields and the connection; every other refusal
 *       closes it.</li>
 * </ul>
 */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    private static final String PLAIN_TEXT = "text/plain;charset=UTF-8";

    private Refusals() {
    }

    /**
     * Writes the refusal of a request that asked for an upgrade and completes the response; the
     * connection then closes, whatever the refusal's fields (see above). If the response is
     * already committed, nothing can be said and the reason is logged instead.
     */
    public static void refuseUpgrade(HttpServletResponse response, HttpStatusException error) throws IOException {
        write(response, error, true, PLAIN_TEXT, error.reason() + "\n");
    }

    /**
     * Writes the refusal and completes the response; the connection then closes unless the
     * refusal's fields name {@code Connection} (see above). If the response is already
     * committed, nothing can be said and the reason is logged instead.
     */
    public static void send(HttpServletResponse response, HttpStatusException error) throws IOException {
        send(response, error, PLAIN_TEXT, error.reason() + "\n");
    }

    /**
     * As {@link #send(HttpServletResponse, HttpStatusException)}, with a body of the caller's
     * choosing (for example an HTML page with the same reason).
     */
    public static void send(HttpServletResponse response, HttpStatusException error, String contentType, String body)
            throws IOException {
        write(response, error, false, contentType, body);
    }

    private static void write(HttpServletResponse response, HttpStatusException error, boolean alwaysClose,
            String contentType, String body) throws IOException {
        if (response.isCommitted()) {
            LOG.log(Level.FINE, "Response already committed; cannot send {0} {1}",
                    new Object[] {error.status(), error.reason()});
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        boolean ownConnection = false;
        for (Map.Entry<String, String> field : error.fields().entrySet()) {
            String value = field.getValue();
            if (field.getKey().equalsIgnoreCase(HttpSpec.CONNECTION)) {
                ownConnection = true;
                if (alwaysClose) {
                    value = value + ", " + HttpSpec.CONNECTION_OPTION_CLOSE;
                }
            }
            response.setHeader(field.getKey(), value);
        }
        if (!ownConnection) {
            response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_CLOSE);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
