package dev.switchboard.jetty;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Jetty 12 environments the adapter serves. Each keeps its servlet classes in a package
 * of its own and, in a Jetty base, on a class path of its own; the adapter's core classes
 * need only Jetty's core and the Jakarta Servlet API, and touch one environment's classes
 * only when a request of that environment switches.
 */
enum JettyEnvironment {
    /** Jakarta EE 10: Servlet 6.0. */
    EE10("ee10"),
    /** Jakarta EE 11: Servlet 6.1. */
    EE11("ee11");

    private final String name;
    private final String packagePrefix;

    JettyEnvironment(String name) {
        this.name = name;
        this.packagePrefix = "org.eclipse.jetty." + name + ".";
    }

    /**
     * The environment whose classes implement {@code context}, or {@code null} when it is not
     * a Jetty 12 ee10 or ee11 context.
     */
    static JettyEnvironment of(ServletContext context) {
        String type = context.getClass().getName();
        for (JettyEnvironment environment : values()) {
            if (type.startsWith(environment.packagePrefix)) {
                return environment;
            }
        }
        return null;
    }

    /** Whether this environment's servlet classes can be loaded by {@code loader}. */
    boolean visibleTo(ClassLoader loader) {
        try {
            Class.forName(packagePrefix + "servlet.ServletContextRequest", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Reads {@code request}, which must come from this environment. */
    ServletExchange exchange(HttpServletRequest request) {
        return switch (this) {
            case EE10 -> Ee10Exchanges.of(request);
            case EE11 -> Ee11Exchanges.of(request);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
