package dev.switchboard.servlet.internal.transport;

import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.internal.engine.Engine;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * What the container creates for a switch to an {@link dev.switchboard.servlet.UpgradeSession}
 * where it carries the connection on its Servlet streams: it carries the upgraded
 * {@link WebConnection} to the connection engine through its {@link Handover}. Not API:
 * public, with a public constructor taking nothing, only because containers create it.
 */
public final class SessionUpgradeHandler implements HttpUpgradeHandler {

    private final Handover handover = new Handover();

    /** For the container. */
    public SessionUpgradeHandler() {
    }

    /**
     * Sets the connection up; called once by the switch, right after {@code upgrade()}
     * returned this instance. Builds the session on the calling thread.
     *
     * @param container the support of the container that switched
     */
    public void bind(SessionSetup setup, ContainerSupport container) {
        handover.bind(new Engine(setup), container);
    }

    @Override
    public void init(WebConnection connection) {
        handover.connected(connection);
    }

    @Override
    public void destroy() {
        handover.released();
    }
}
