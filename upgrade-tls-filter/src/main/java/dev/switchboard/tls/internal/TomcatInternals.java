package dev.switchboard.tls.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

/**
 * Tomcat's own objects behind a servlet context, reached by reflection so that this jar needs
 * no Tomcat at run time: its {@code StandardContext}, and through it the host, engine and
 * service. On other containers there is nothing to reach.
 */
final class TomcatInternals {

    private static final Logger LOG = Logger.getLogger(TomcatInternals.class.getName());

    private TomcatInternals() {
    }

    /** Tomcat's {@code StandardContext} behind a servlet context facade, or null elsewhere. */
    static Object standardContext(ServletContext context) {
        if (!context.getClass().getName().equals("org.apache.catalina.core.ApplicationContextFacade")) {
            return null;
        }
        try {
            Object applicationContext = field(context, "context");
            Object standardContext = field(applicationContext, "context");
            return standardContext.getClass().getMethod("findConstraints") != null ? standardContext : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Not a readable Tomcat context", e);
            return null;
        }
    }

    /** {@code target.method()}, a public method without arguments. */
    static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
