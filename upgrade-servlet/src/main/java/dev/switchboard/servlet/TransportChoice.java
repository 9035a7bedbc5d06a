package dev.switchboard.servlet;

/**
 * Which transport carries a context's upgraded connections after the switch: the option
 * {@code switchboard.transport}, a context param. Sessions run unchanged on each; a
 * connection's {@link UpgradedConnection#transport()} names the one it runs on.
 */
public enum TransportChoice {
    /**
     * The container's own transport where the container and the connector allow it (Jetty
     * with Switchboard's adapter, Tomcat with {@code upgrade-tomcat}), the Servlet API's
     * streams elsewhere, without a word.
     */
    AUTO,
    /** The Servlet API's non-blocking streams, on every container. */
    SERVLET,
    /**
     * The container's own transport; where the container has none, the Servlet one, with one
     * warning at start naming what is used.
     */
    CONTAINER
}
