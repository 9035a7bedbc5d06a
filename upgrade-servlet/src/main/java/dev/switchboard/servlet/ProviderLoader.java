package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** Finds the {@link UpgradeProtocolProvider}s of a web application and creates the enabled protocols. */
final class ProviderLoader {

    private static final Logger LOG = Logger.getLogger(ProviderLoader.class.getName());

    private ProviderLoader() {
    }

    /**
     * The providers of {@code service} that {@code loader} can load as such. A provider named
     * in a service file that the loader sees only through a parent (a Switchboard jar in the
     * container's shared {@code lib/} while the application has its own copy of the API) is
     * not a subtype of the application's interface: it is skipped with a warning instead of
     * failing the deployment.
     */
    static <S> List<S> services(Class<S> service, ClassLoader loader) {
        List<S> out = new ArrayList<>();
        Iterator<S> it = ServiceLoader.load(service, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warning("Skipping a " + service.getSimpleName() + " that this application cannot use: " + e.getMessage());
            }
        }
    }

    /**
     * @param enabled provider names to create, or empty for those enabled by default
     * @throws ServletException if a name has no provider, naming the ones there are
     * @throws IllegalArgumentException if a provider finds its configuration invalid
     */
    static List<UpgradeProtocol> load(ServletContext context, Settings settings, Optional<List<String>> enabled)
            throws ServletException {
        Map<String, UpgradeProtocolProvider> available = new LinkedHashMap<>();
        for (UpgradeProtocolProvider p : services(UpgradeProtocolProvider.class, context.getClassLoader())) {
            available.putIfAbsent(p.name(), p);
        }
        List<UpgradeProtocolProvider> chosen = new ArrayList<>();
        if (enabled.isPresent()) {
            for (String name : enabled.get()) {
                UpgradeProtocolProvider p = available.get(name);
                if (p == null) {
                    throw new ServletException(UpgradeOptions.PROTOCOLS + ": no protocol provider named \"" + name
                            + "\"; available: " + available.keySet());
                }
                chosen.add(p);
            }
        } else {
            for (UpgradeProtocolProvider p : available.values()) {
                if (p.enabledByDefault(context, settings)) {
                    chosen.add(p);
                }
            }
        }
        List<UpgradeProtocol> protocols = new ArrayList<>(chosen.size());
        for (UpgradeProtocolProvider p : chosen) {
            protocols.add(p.create(context, settings));
        }
        return List.copyOf(protocols);
    }
}
