package dev.switchboard.websocket.internal;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

/**
 * Makes the application-wide {@code maxMessageSize} the container's default for every session
 * of the application ({@code ServerContainer.setDefaultMaxBinaryMessageBufferSize} and
 * {@code setDefaultMaxTextMessageBufferSize}), so that the limit holds on every path, sessions
 * Switchboard does not admit included (annotated endpoints with the container's configurator,
 * or whose {@code @OnOpen} does not call {@code WebSocketSessions.admit}), and so that a
 * session's message buffers have that size from its opening.
 *
 * <p>On Tomcat these defaults are the sizes of the two message buffers each session allocates
 * when it opens (text in characters, two bytes each), whatever messages it later receives; on
 * Jetty they are limits only, and buffers are taken from a pool while a message is read.
 * Either way a whole message above them closes the session with 1009.
 */
public final class ContainerMessageBuffers {

    private static final Logger LOG = Logger.getLogger(ContainerMessageBuffers.class.getName());

    private ContainerMessageBuffers() {
    }

    /**
     * Sets the container's defaults of {@code context} to {@code maxMessageSize}, if the
     * application has a {@code ServerContainer}; says so in one line when that changes them.
     */
    public static void apply(ServletContext context, int maxMessageSize) {
        Object attribute = context.getAttribute(ServerContainer.class.getName());
        if (!(attribute instanceof ServerContainer container)) {
            LOG.fine("No jakarta.websocket.server.ServerContainer in this application: its message buffers are not set");
            return;
        }
        int binary = container.getDefaultMaxBinaryMessageBufferSize();
        int text = container.getDefaultMaxTextMessageBufferSize();
        container.setDefaultMaxBinaryMessageBufferSize(maxMessageSize);
        container.setDefaultMaxTextMessageBufferSize(maxMessageSize);
        Level level = binary == maxMessageSize && text == maxMessageSize ? Level.FINE : Level.INFO;
        LOG.log(level, () -> String.format(Locale.ROOT, "WebSocket sessions of %s take whole messages up to %s "
                + "(switchboard.websocket.maxMessageSize; the container had %s for binary, %s for text)",
                name(context), size(maxMessageSize), size(binary), size(text)));
    }

    private static String name(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "the root application" : path;
    }

    /** {@code 8 KiB}, {@code 1 MiB}, or bytes when not a whole number of either. */
    static String size(int bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
