package dev.switchboard.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Supplies a protocol from a jar, found with {@link java.util.ServiceLoader} in the web
 * application's class loader ({@code META-INF/services/dev.switchboard.servlet.UpgradeProtocolProvider}).
 * Each {@link UpgradeFilter} creates the protocols of the enabled providers when it starts:
 * those named in {@code switchboard.protocols}, or, when that is not set, those
 * {@linkplain #enabledByDefault(ServletContext, Settings) enabled by default}.
 */
public interface UpgradeProtocolProvider {

    /** A short, unique name to list in {@code switchboard.protocols}, such as {@code echo}. */
    String name();

    /** Whether the protocol is enabled when {@code switchboard.protocols} is not set. */
    default boolean enabledByDefault() {
        return false;
    }

    /**
     * Whether the protocol is enabled when {@code switchboard.protocols} is not set, given the
     * application's configuration: for protocols that are on exactly when they are configured
     * (for example when a key store is named). The default is {@link #enabledByDefault()}.
     *
     * @throws IllegalArgumentException if the configuration is invalid; the deployment then
     *     fails with that message
     */
    default boolean enabledByDefault(ServletContext context, Settings settings) {
        return enabledByDefault();
    }

    /**
     * Creates the protocol. Runs once per filter, on the thread that starts it, after every
     * {@code ServletContextListener} has run.
     *
     * @throws ServletException or {@link IllegalArgumentException} if the configuration is
     *     invalid; the deployment then fails with that message
     */
    UpgradeProtocol create(ServletContext context, Settings settings) throws ServletException;
}
