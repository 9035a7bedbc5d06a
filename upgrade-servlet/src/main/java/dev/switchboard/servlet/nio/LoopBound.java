package dev.switchboard.servlet.nio;

/**
 * A connection whose readiness one of Switchboard's own {@link Reactor}s reports (Tomcat's
 * {@code tomcat-loop} transport): a session may register channels of its own on the same
 * reactor, so that the connection and those channels are served on one thread with no
 * hand-off between them (the tunnel puts its backend there). The engine's connection handle
 * implements it; a session tests its {@code UpgradedConnection} with {@code instanceof}.
 */
public interface LoopBound {

    /**
     * The reactor that serves this connection, or null where none of Switchboard's does (the
     * container's threads serve it, or the container has not handed it over yet). Any thread.
     */
    Reactor loop();
}
