package dev.switchboard.boot;

import java.util.function.IntConsumer;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.switchboard.tomcat.buffers.ConnectionBuffers;

/**
 * Builds upgrade-tomcat's {@link ConnectionBuffers} from the
 * {@code switchboard.tomcat.connection-buffers.*} properties ({@link ConnectionBuffersProperties}).
 * A size ConnectionBuffers refuses fails start-up, naming the property.
 */
final class TomcatConnectionBuffers {

    private TomcatConnectionBuffers() {
    }

    /** A new, uninstalled {@link ConnectionBuffers} configured from {@code environment}. */
    static ConnectionBuffers configured(Environment environment) {
        Binder binder = Binder.get(environment);
        ConnectionBuffers buffers = new ConnectionBuffers();
        bind(binder, ConnectionBuffersProperties.SOCKET_BUFFER_SIZE, buffers::setSocketBufferSize);
        bind(binder, ConnectionBuffersProperties.WEBSOCKET_BUFFER_SIZE, buffers::setWebSocketBufferSize);
        return buffers;
    }

    private static void bind(Binder binder, String property, IntConsumer setter) {
        binder.bind(property, Integer.class).ifBound(value -> {
            try {
                setter.accept(value);
            } catch (IllegalArgumentException e) {
                throw new SwitchboardConfigurationException(property + ": " + e.getMessage(),
                        "Correct " + property + " (see upgrade-tomcat's README for its range).");
            }
        });
    }
}
