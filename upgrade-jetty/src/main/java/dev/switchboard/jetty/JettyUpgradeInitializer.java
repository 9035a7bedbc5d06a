package dev.switchboard.jetty;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Installs {@link JettyUpgrade} in every web application Jetty starts, as the servlet context
 * attribute {@value #ATTRIBUTE} that Switchboard's {@code UpgradeFilter} looks for, and names
 * its own transport ({@link ChannelConnection}) in {@value #TRANSPORT_ATTRIBUTE}.
 *
 * <p>Jetty finds this initializer when the jar is on the class path of its ee10 or ee11
 * environment (a Jetty module, or the classpath of an embedded server). In {@code WEB-INF/lib}
 * it cannot work, since Jetty hides its own classes from web applications: it then logs why
 * and does nothing. This class refers to no Jetty type itself, so that it can say so rather
 * than fail to load.
 */
public final class JettyUpgradeInitializer implements ServletContainerInitializer {

    /** upgrade-servlet's {@code ContainerUpgrade.ATTRIBUTE}, repeated: this jar must not depend on that one at run time. */
    static final String ATTRIBUTE = "dev.switchboard.servlet.ContainerUpgrade";

    /**
     * upgrade-servlet's {@code ContainerUpgrade.TRANSPORT_ATTRIBUTE}, repeated: the context
     * attribute naming this adapter's own transport, and the request attribute asking for it.
     */
    static final String TRANSPORT_ATTRIBUTE = ATTRIBUTE + ".transport";

    private static final Logger LOG = Logger.getLogger(JettyUpgradeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) != null) {
            LOG.fine(() -> "An upgrade adapter is already installed in " + context.getContextPath());
            return;
        }
        JettyEnvironment environment = JettyEnvironment.of(context);
        if (environment == null) {
            LOG.warning("Switchboard's Jetty adapter serves Jetty 12's ee10 and ee11 environments only; "
                    + context.getContextPath() + " (" + context.getClass().getName() + ") is left as it is.");
            return;
        }
        if (!environment.visibleTo(JettyUpgradeInitializer.class.getClassLoader())) {
            LOG.warning("Switchboard's Jetty adapter cannot see Jetty's classes (is upgrade-jetty.jar in WEB-INF/lib?): "
                    + "it belongs on Jetty's " + environment + " classpath. " + context.getContextPath()
                    + " switches through Jetty's own HttpServletRequest.upgrade().");
            return;
        }
        context.setAttribute(ATTRIBUTE, new JettyUpgrade());
        context.setAttribute(TRANSPORT_ATTRIBUTE, ChannelConnection.NAME);
    }
}
