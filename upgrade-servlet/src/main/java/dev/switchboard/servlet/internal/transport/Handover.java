package dev.switchboard.servlet.internal.transport;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.container.TransportCarrier;
import dev.switchboard.servlet.internal.engine.Engine;
import jakarta.servlet.http.WebConnection;

/**
 * Brings together the two halves of a switch, which arrive in either order: the engine,
 * bound by the switch right after {@code upgrade()} returned, and the upgraded connection,
 * once the container hands it over; then starts the engine on it. The connection comes as a
 * {@link WebConnection} ({@code init} of a {@link SessionUpgradeHandler}), run on a
 * {@link Transport} of the container's own where its support finds one on it
 * ({@link ContainerSupport#transport}), else on a {@link ServletTransport} with the
 * container's control of that connection; or straight as a {@link Transport}, from a
 * container's {@link TransportCarrier}. Tomcat hands the connection over after the filter
 * returns, and so does Jetty 12.1.8 and later (with or without Switchboard's Jetty adapter);
 * earlier Jetty 12.1 builds did inside {@code upgrade()}. The container's release
 * ({@code destroy}) may come at any time, even before either. Thread-safe.
 */
public final class Handover implements TransportCarrier.Receiver {

    /** How the connection that arrived becomes a transport, once the engine is known. */
    private interface Arrived {
        Transport transport(Engine engine, ContainerSupport container);
    }

    private Engine engine;
    private ContainerSupport support;
    private Arrived connection;
    private boolean released;

    /** The switch has set the connection up: builds the session, and starts if the connection is there. */
    public void bind(Engine bound, ContainerSupport container) {
        bound.open();
        Arrived c;
        boolean gone;
        synchronized (this) {
            if (engine != null) {
                throw new IllegalStateException("the connection was already switched");
            }
            engine = bound;
            support = container;
            c = connection;
            gone = released;
        }
        if (c != null) {
            bound.start(c.transport(bound, container));
        }
        if (gone) {
            bound.events().closed();
        }
    }

    /** The container handed the connection over as its Servlet view. */
    public void connected(WebConnection c) {
        arrived((e, container) -> transport(e, c, container));
    }

    /** A container's carrier handed the connection over on its own transport. */
    @Override
    public void connected(Transport transport) {
        arrived((e, container) -> transport);
    }

    private void arrived(Arrived c) {
        Engine e;
        ContainerSupport container;
        synchronized (this) {
            if (connection != null) {
                throw new IllegalStateException("the connection was already handed over");
            }
            connection = c;
            e = engine;
            container = support;
        }
        if (e != null) {
            e.start(c.transport(e, container));
        }
    }

    /**
     * The container's own transport for {@code c} where it offers one, else its Servlet streams,
     * their writes capped below the container's write buffer unless the options say not to.
     */
    private static Transport transport(Engine engine, WebConnection c, ContainerSupport container) {
        Transport own = container.transport(c);
        if (own != null) {
            return own;
        }
        ConnectionControl control = container.control(c);
        return new ServletTransport(c, control, engine.limits().capWrites() ? control.writeBufferSize() : 0);
    }

    /** The container released the connection. */
    @Override
    public void released() {
        Engine e;
        synchronized (this) {
            released = true;
            e = engine;
        }
        if (e != null) {
            e.events().closed();
        }
    }
}
