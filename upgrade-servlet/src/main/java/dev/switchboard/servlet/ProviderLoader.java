package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** Finds the {@link UpgradeProtocolProvider}s of a web application and creates the enabled protocols. */
final class ProviderLoader {

    private ProviderLoader() {
    }

    /**
     * @param enabled provider names to create, or empty for those enabled by default
     * @throws ServletException if a name has no provider, naming the ones there are
     * @throws IllegalArgumentException if a provider finds its configuration invalid
     */
    static List<UpgradeProtocol> load(ServletContext context, Settings settings, Optional<List<String>> enabled)
            throws ServletException {
        Map<String, UpgradeProtocolProvider> available = new LinkedHashMap<>();
        for (UpgradeProtocolProvider p : Services.load(UpgradeProtocolProvider.class, context.getClassLoader())) {
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
