package dev.switchboard.jetty;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Installs {@link JettyUpgrade} in every web application Jetty starts, as the servlet context
 * attribute {@value #ATTRIBUTE} that Switchboard's {@code UpgradeFilter} looks for.
 *
 * <p>Jetty finds this initializer when the jar is on its ee10 classpath (a Jetty module, or the
 * classpath of an embedded server). In {@code WEB-INF/lib} it cannot work, since Jetty hides its
 * own classes from web applications: it then logs why and does nothing. This class refers to no
 * Jetty type itself, so that it can say so rather than fail to load.
 */
public final class JettyUpgradeInitializer implements ServletContainerInitializer {

    /** upgrade-servlet's {@code ContainerUpgrade.ATTRIBUTE}, repeated: this jar must not depend on that one at run time. */
    static final String ATTRIBUTE = "dev.switchboard.servlet.ContainerUpgrade";

    /** A Jetty ee10 class this adapter needs; present only where Jetty's classes are visible. */
    private static final String JETTY_EE10_REQUEST = "org.eclipse.jetty.ee10.servlet.ServletContextRequest";

    private static final Logger LOG = Logger.getLogger(JettyUpgradeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) != null) {
            LOG.fine(() -> "An upgrade adapter is already installed in " + context.getContextPath());
            return;
        }
        if (!jettyVisible()) {
            LOG.warning("Switchboard's Jetty adapter cannot see Jetty's classes (is upgrade-jetty.jar in WEB-INF/lib?): "
                    + "it belongs on Jetty's ee10 classpath. " + context.getContextPath()
                    + " switches through Jetty's own HttpServletRequest.upgrade().");
            return;
        }
        context.setAttribute(ATTRIBUTE, new JettyUpgrade());
    }

    private static boolean jettyVisible() {
        try {
            Class.forName(JETTY_EE10_REQUEST, false, JettyUpgradeInitializer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
