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
 * response is written (checked on the wire by the integration scenarios). The one exception
 * is a refusal whose own fields name {@code Connection}, such as a {@code 426} that invites
 * the client to upgrade this very connection ({@code Connection: upgrade}): its fields are
 * written as they are.
 */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    private Refusals() {
    }

    /**
     * Writes the refusal and completes the response. If the response is already committed,
     * nothing can be said and the reason is logged instead.
     */
    public static void send(HttpServletResponse response, HttpStatusException error) throws IOException {
        send(response, error, "text/plain;charset=UTF-8", error.reason() + "\n");
    }

    /**
     * Writes the refusal's status and fields with a body of the caller's choosing (for example
     * an HTML page with the same reason), and completes the response.
     */
    public static void send(HttpServletResponse response, HttpStatusException error, String contentType, String body)
            throws IOException {
        if (response.isCommitted()) {
            LOG.log(Level.FINE, "Response already committed; cannot send {0} {1}",
                    new Object[] {error.status(), error.reason()});
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        if (!namesConnection(error)) {
            response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_CLOSE);
        }
        for (Map.Entry<String, String> field : error.fields().entrySet()) {
            response.setHeader(field.getKey(), field.getValue());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static boolean namesConnection(HttpStatusException error) {
        for (String name : error.fields().keySet()) {
            if (name.equalsIgnoreCase(HttpSpec.CONNECTION)) {
                return true;
            }
        }
        return false;
    }
}
