package dev.switchboard.servlet;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * A filter that a Switchboard jar adds to the web application, found with
 * {@link java.util.ServiceLoader}. {@link SwitchboardInitializer} adds every enabled
 * contribution, and {@link UpgradeFilter} itself, in ascending {@link #order()}, ahead of the
 * filters declared in web.xml. The order is what makes the mandatory-TLS policy (100) run
 * before the tunnel (200), and both before {@link UpgradeFilter} ({@link #UPGRADE_FILTER_ORDER}).
 */
public interface FilterContribution {

    /** The order of {@link UpgradeFilter}. */
    int UPGRADE_FILTER_ORDER = 1000;

    /** The filter name, unique in the application. */
    String name();

    /** Position among Switchboard's filters; lower runs first. */
    int order();

    /** Whether to add the filter in this application (for example only when configured). */
    boolean enabled(ServletContext context, Settings settings);

    /** URL patterns to map the filter to. */
    default List<String> urlPatterns(Settings settings) {
        return List.of("/*");
    }

    /** Creates the filter; it is initialised by the container with the context params. */
    Filter create(ServletContext context, Settings settings) throws ServletException;
}
