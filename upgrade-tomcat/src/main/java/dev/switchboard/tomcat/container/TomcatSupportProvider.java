package dev.switchboard.tomcat.container;

import java.util.Locale;

import dev.switchboard.servlet.container.ContainerSupport;
import jakarta.servlet.ServletContext;

/**
 * Offers {@link TomcatSupport} where Tomcat runs the application. Refers to no Tomcat class
 * itself, since {@link java.util.ServiceLoader} creates it on every container: it answers
 * only when the context's server is Tomcat (or, without a context, when Tomcat's classes are
 * loadable here).
 */
public final class TomcatSupportProvider implements ContainerSupport.Provider {

    /** For {@link java.util.ServiceLoader}. */
    public TomcatSupportProvider() {
    }

    @Override
    public ContainerSupport supportFor(ServletContext context) {
        if (context != null
                && !String.valueOf(context.getServerInfo()).toLowerCase(Locale.ROOT).startsWith("apache tomcat/")) {
            return null;
        }
        try {
            Class.forName("org.apache.coyote.http11.upgrade.UpgradeServletInputStream", false,
                    TomcatSupportProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return TomcatSupport.INSTANCE;
    }
}
