package dev.switchboard.tomcat.tls;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.coyote.UpgradeToken;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.coyote.http11.upgrade.UpgradeProcessorExternal;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * Runs a Switchboard session's handler ({@link dev.switchboard.servlet.ContainerUpgrade#handlerFor})
 * on a connection that a connector-level upgrade protocol switched. Tomcat drives such connections through an internal handler; this
 * one gives the Switchboard handler the same upgraded servlet streams Tomcat gives a web
 * application's handler ({@link UpgradeProcessorExternal}), and passes Tomcat's socket events
 * to them: the handler then works exactly as after a servlet upgrade (non-blocking I/O,
 * back-pressure, timeouts, a close from any thread).
 */
final class HostedUpgrade implements InternalHttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger(HostedUpgrade.class.getName());

    private final HttpUpgradeHandler handler;
    private final String protocol;
    private SocketWrapperBase<?> socket;
    private UpgradeProcessorExternal streams;

    HostedUpgrade(HttpUpgradeHandler handler, SocketWrapperBase<?> socket, String protocol) {
        this.handler = handler;
        this.socket = socket;
        this.protocol = protocol;
    }

    @Override
    public void init(WebConnection connection) {
        streams = new UpgradeProcessorExternal(socket, new UpgradeToken(handler, NoContextBind.INSTANCE, null, protocol),
                null);
        handler.init(streams);
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (streams == null) {
            return SocketState.CLOSED;
        }
        try {
            return streams.process(socket, status);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Upgraded connection failed", e);
            return SocketState.CLOSED;
        }
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        this.socket = wrapper;
    }

    @Override
    public void timeoutAsync(long now) {
        // the handler keeps its own timeouts
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // cleartext connector: nothing to keep
    }

    @Override
    public void pause() {
        // the connector is stopping: the link and the handler end with it
    }

    @Override
    public void destroy() {
        handler.destroy();
        if (streams != null) {
            try {
                streams.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing upgraded streams failed", e);
            }
        }
    }
}
