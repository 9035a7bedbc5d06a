package dev.switchboard.it.jetty;

import java.io.File;

import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * The Jakarta EE environment of Jetty 12.1 that this run deploys into, {@code ee10} or
 * {@code ee11}, from the system property {@value #PROPERTY} (each failsafe execution sets it
 * and puts that environment's jars on the class path). The scenarios are the same on both:
 * only the class of the web application context differs, which is why it is created here by
 * name rather than referred to in the tests.
 */
public final class JettyEnvironment {

    /** The system property naming the environment; {@code ee10} when absent. */
    public static final String PROPERTY = "switchboard.jetty.environment";

    /** The context attribute (both environments) naming initializers that Jetty must not run. */
    public static final String INITIALIZER_EXCLUSION_PATTERN = "org.eclipse.jetty.containerInitializerExclusionPattern";

    private JettyEnvironment() {
    }

    /** {@code ee10} or {@code ee11}. */
    public static String name() {
        String name = System.getProperty(PROPERTY, "ee10");
        if (!name.equals("ee10") && !name.equals("ee11")) {
            throw new IllegalStateException(PROPERTY + " must be ee10 or ee11, was " + name);
        }
        return name;
    }

    /**
     * A {@code WebAppContext} of this environment for the WAR file {@code war} at
     * {@code contextPath}, not started.
     */
    static ContextHandler webApp(File war, String contextPath) {
        try {
            return (ContextHandler) webAppClass().getConstructor(String.class, String.class)
                    .newInstance(war.getAbsolutePath(), contextPath);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + name() + " WebAppContext", e);
        }
    }

    /** Sets a context param of {@code webApp}, a {@code WebAppContext} of this environment. */
    static void setInitParameter(ContextHandler webApp, String name, String value) {
        try {
            webAppClass().getMethod("setInitParameter", String.class, String.class).invoke(webApp, name, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set a context param of a " + name() + " WebAppContext", e);
        }
    }

    /** Why {@code webApp} did not start, as Jetty recorded it; {@code null} if it did. */
    static Throwable unavailableCause(ContextHandler webApp) {
        try {
            return (Throwable) webAppClass().getMethod("getUnavailableException").invoke(webApp);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask a " + name() + " WebAppContext why it failed", e);
        }
    }

    private static Class<?> webAppClass() throws ClassNotFoundException {
        return Class.forName("org.eclipse.jetty." + name() + ".webapp.WebAppContext");
    }
}
