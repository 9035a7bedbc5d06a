package dev.switchboard.boot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import dev.switchboard.servlet.FilterContribution;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.SwitchboardInitializer;
import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeDeclarations;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * The one place where the starter meets Switchboard's own start-up code, which a container
 * runs through {@code ServletContainerInitializer}s that Boot's embedded containers never
 * look for. Everything here stands in for what those initializers do in a WAR:
 * <ul>
 *   <li>{@link #filters(ClassLoader)}: the filters {@link SwitchboardInitializer} would add,
 *       found the same way ({@link FilterContribution}s through {@link ServiceLoader}, plus
 *       {@link UpgradeFilter}), in their order;</li>
 *   <li>{@link #start(ServletContext, ClassLoader, Set)}: the initializers of the optional
 *       modules that are on the class path, run as the container would run them: the WebSocket
 *       module's, and the Jetty adapter's when Jetty 12.1 or later is the server
 *       ({@link JettyServer}; the starter brings the adapter, so a Tomcat application has it on
 *       its class path too, where it must stay silent).</li>
 * </ul>
 * When Switchboard starts as one runtime per context, this class starts that runtime instead.
 */
final class SwitchboardModules {

    /** The WebSocket module's initializer: annotated endpoints, and 1001 when the application stops. */
    static final String WEBSOCKET_INITIALIZER = "dev.switchboard.websocket.WebSocketInitializer";
    /** The Jetty adapter's initializer: Jetty's connection upgrade in place of {@code upgrade()}. */
    static final String JETTY_INITIALIZER = "dev.switchboard.jetty.JettyUpgradeInitializer";

    private SwitchboardModules() {
    }

    /** Switchboard's filters, in the order they must run. */
    static List<FilterContribution> filters(ClassLoader loader) {
        List<FilterContribution> all = new ArrayList<>();
        for (FilterContribution c : ServiceLoader.load(FilterContribution.class, loader)) {
            all.add(c);
        }
        all.add(new UpgradeFilterContribution());
        all.sort(Comparator.comparingInt(FilterContribution::order));
        return List.copyOf(all);
    }

    /**
     * Runs the initializers of the optional modules present on {@code loader}'s class path that
     * serve {@code context}'s server.
     *
     * @param endpointClasses the application's {@code @ServerEndpoint} classes
     */
    static void start(ServletContext context, ClassLoader loader, Set<Class<?>> endpointClasses)
            throws ServletException {
        run(WEBSOCKET_INITIALIZER, loader, endpointClasses, context);
        if (JettyServer.adapterServes(context.getServerInfo())) {
            run(JETTY_INITIALIZER, loader, Set.of(), context);
        }
    }

    private static void run(String initializer, ClassLoader loader, Set<Class<?>> classes, ServletContext context)
            throws ServletException {
        Class<?> type;
        try {
            type = Class.forName(initializer, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return; // the module, or the API it needs (such as Jakarta WebSocket), is not on the class path
        }
        try {
            ServletContainerInitializer sci = (ServletContainerInitializer) type.getConstructor().newInstance();
            sci.onStartup(classes, context);
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Cannot run " + initializer + ": " + e, e);
        }
    }

    /** {@link UpgradeFilter} as a contribution, as {@link SwitchboardInitializer} adds it. */
    private static final class UpgradeFilterContribution implements FilterContribution {
        @Override
        public String name() {
            return SwitchboardInitializer.FILTER_NAME;
        }

        @Override
        public int order() {
            return UPGRADE_FILTER_ORDER;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return true;
        }

        @Override
        public List<String> urlPatterns(Settings settings) {
            return UpgradeDeclarations.URL_PATTERNS.get(settings);
        }

        @Override
        public Filter create(ServletContext context, Settings settings) {
            return new UpgradeFilter();
        }
    }
}
