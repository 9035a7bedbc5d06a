package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Finds the Switchboard plug-ins of a web application with {@link ServiceLoader}, skipping
 * any it cannot use. A Switchboard jar that is also on the container's or a test's class
 * path is seen through the parent class loader, where its provider implements the parent's
 * copy of the interface ("not a subtype"): that must not stop the application, which
 * bundles its own jars, from starting.
 */
final class Services {

    private static final Logger LOG = Logger.getLogger(Services.class.getName());

    private Services() {
    }

    /** The usable providers of {@code type} visible to {@code loader}, in ServiceLoader order. */
    static <T> List<T> load(Class<T> type, ClassLoader loader) {
        List<T> out = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warning("Ignoring a " + type.getSimpleName() + " this application cannot use: " + e.getMessage());
            }
        }
    }
}
