package dev.switchboard.tomcat.container;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.core.ApplicationContext;
import org.apache.catalina.core.ApplicationContextFacade;
import org.apache.catalina.core.StandardContext;

import jakarta.servlet.ServletContext;

/**
 * Tomcat's {@code StandardContext} behind an application's {@code ServletContext}. Tomcat
 * gives an application only a facade, which keeps its {@code ApplicationContext}, which keeps
 * the {@code StandardContext}, each in a private field: reached here by reflection, the only
 * such reach into Tomcat besides the upgraded connection's socket wrapper. Thread-safe.
 */
final class TomcatContexts {

    private static final Logger LOG = Logger.getLogger(TomcatContexts.class.getName());

    private static final Field FACADE_CONTEXT = field(ApplicationContextFacade.class, ApplicationContext.class);
    private static final Field APPLICATION_CONTEXT = field(ApplicationContext.class, StandardContext.class);

    private TomcatContexts() {
    }

    /** The context behind {@code context}, or null when it is not Tomcat's or cannot be reached. */
    static StandardContext of(ServletContext context) {
        if (!(context instanceof ApplicationContextFacade facade) || FACADE_CONTEXT == null
                || APPLICATION_CONTEXT == null) {
            return null;
        }
        try {
            return (StandardContext) APPLICATION_CONTEXT.get(FACADE_CONTEXT.get(facade));
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot reach Tomcat's context", e);
            return null;
        }
    }

    /** The private field of {@code owner} that holds a {@code type}, made accessible; null if none. */
    private static Field field(Class<?> owner, Class<?> type) {
        try {
            Field field = owner.getDeclaredField("context");
            if (field.getType() == type) {
                field.setAccessible(true);
                return field;
            }
        } catch (NoSuchFieldException | RuntimeException e) {
            // reported below
        }
        LOG.warning("Cannot reach Tomcat's context behind " + owner.getSimpleName() + ": the TLS policy reads"
                + " transport guarantees from web.xml alone and sees neither Tomcat's TLS connectors nor its valves");
        return null;
    }
}
