package dev.switchboard.boot;

import java.util.List;

/**
 * The starter's properties for the buffers Boot's embedded Tomcat keeps per connection:
 * {@code switchboard.tomcat.connection-buffers.<attribute>}, one for each attribute of
 * upgrade-tomcat's {@code ConnectionBuffers} in kebab-case, and {@code enabled}. They configure
 * the connector, not the application, so they are not context parameters. No Tomcat type here:
 * {@link SwitchboardOptions} reads this class in every application.
 */
final class ConnectionBuffersProperties {

    static final String PREFIX = "switchboard.tomcat.connection-buffers.";

    /** {@code false} leaves Tomcat's own buffer sizes alone. */
    static final String ENABLED = PREFIX + "enabled";

    static final String SOCKET_BUFFER_SIZE = PREFIX + "socket-buffer-size";

    static final String WEBSOCKET_BUFFER_SIZE = PREFIX + "websocket-buffer-size";

    /** Every property, in the order of the README's table. */
    static final List<String> NAMES = List.of(ENABLED, SOCKET_BUFFER_SIZE, WEBSOCKET_BUFFER_SIZE);

    private ConnectionBuffersProperties() {
    }
}
