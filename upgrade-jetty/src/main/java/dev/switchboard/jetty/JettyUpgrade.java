package dev.switchboard.jetty;

import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.DecoratedObjectFactory;

/**
 * {@code HttpServletRequest.upgrade} for Jetty 12.1, in the ee10 and ee11 environments, over Jetty's own connection upgrade
 * (the mechanism Jetty's WebSocket uses): the handler is created, and an
 * {@link UpgradedConnection} for it is left in the request attribute
 * {@code org.eclipse.jetty.server.HttpStream.upgradeConnection} (a {@link ChannelConnection}
 * where Switchboard asked for the {@value ChannelConnection#NAME} transport in the request
 * attribute {@value JettyUpgradeInitializer#TRANSPORT_ATTRIBUTE}); when the response (101, or 200
 * to a {@code CONNECT}) is complete, Jetty's HTTP/1.1 connection hands its endpoint, and any
 * bytes it had already read past the request, to that connection.
 *
 * <p>Jetty's own {@code upgrade()} instead keeps the HTTP/1.1 connection and reads the handler's
 * input through the request's content; when the client waits for the 101 before sending, that
 * content has already ended, so the handler reads end of stream at once (see
 * {@code docs/jetty-upgrade-eof.md}).
 *
 * <p>Installed as the {@code dev.switchboard.servlet.ContainerUpgrade} context attribute by
 * {@link JettyUpgradeInitializer}; see that attribute's contract in upgrade-servlet. Stateless
 * and thread-safe.
 */
public final class JettyUpgrade implements BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler> {

    /**
     * Creates a {@code type} handler through the context's object factory (so that injection
     * and {@code @PreDestroy} work as for other application objects) and arranges the handover.
     *
     * @throws IllegalStateException if {@code request} is not a Jetty ee10 or ee11 request on an
     *     HTTP/1.1 connection with an uncommitted response, or the handler cannot be created
     */
    @Override
    public HttpUpgradeHandler apply(HttpServletRequest request, Class<? extends HttpUpgradeHandler> type) {
        JettyEnvironment environment = JettyEnvironment.of(request.getServletContext());
        if (environment == null) {
            throw new IllegalStateException("Cannot switch protocols: " + request.getServletContext().getClass().getName()
                    + " is not the context of a Jetty 12 ee10 or ee11 web application");
        }
        ServletExchange exchange = environment.exchange(request);
        if (exchange.committed()) {
            throw new IllegalStateException("Cannot switch protocols: the response is already committed");
        }
        Request jettyRequest = exchange.request();
        ConnectionMetaData connectionMetaData = jettyRequest.getConnectionMetaData();
        if (connectionMetaData.getHttpVersion() != HttpVersion.HTTP_1_1) {
            throw new IllegalStateException("Cannot switch protocols on an " + connectionMetaData.getHttpVersion()
                    + " connection: only HTTP/1.1 connections can be switched");
        }
        DecoratedObjectFactory objects = exchange.objects();
        HttpUpgradeHandler handler;
        try {
            handler = objects.createInstance(type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot create " + type.getName()
                    + ": it needs a public constructor taking nothing (" + e + ")", e);
        }

        HttpConfiguration http = connectionMetaData.getHttpConfiguration();
        AbstractConnection connection;
        if (ChannelConnection.NAME.equals(request.getAttribute(JettyUpgradeInitializer.TRANSPORT_ATTRIBUTE))) {
            connection = new ChannelConnection(connectionMetaData.getConnection().getEndPoint(),
                    jettyRequest.getComponents().getExecutor(), jettyRequest.getComponents().getByteBufferPool(),
                    http.isUseInputDirectByteBuffers(), http.isUseOutputDirectByteBuffers(), jettyRequest.getContext(),
                    handler, objects::destroy);
        } else {
            connection = new UpgradedConnection(connectionMetaData.getConnection().getEndPoint(),
                    jettyRequest.getComponents().getExecutor(), jettyRequest.getComponents().getByteBufferPool(),
                    http.isUseInputDirectByteBuffers(), http.isUseOutputDirectByteBuffers(), jettyRequest.getContext(),
                    handler, objects::destroy);
        }
        connection.setInputBufferSize(http.getInputBufferSize());
        connectionMetaData.getConnector().getEventListeners().forEach(connection::addEventListener);
        jettyRequest.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, connection);
        return handler;
    }

    @Override
    public String toString() {
        return "Switchboard's Jetty adapter (" + getClass().getName() + ")";
    }
}
