package dev.switchboard.bench.servlet;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.switchboard.servlet.UpgradeFilter;

/**
 * A class loader that sees service files ({@code META-INF/services/...}) of {@code upgrade-servlet}
 * only, so that a benchmark's filter loads the same providers whether it runs from the shaded
 * {@code benchmarks.jar} (which holds no other Switchboard module) or from the module's class
 * path (which also holds {@code upgrade-websocket}, {@code upgrade-tls-filter} and
 * {@code upgrade-proxy}). Classes load as usual.
 */
final class UpgradeServletOnlyLoader extends ClassLoader {

    private final String upgradeServlet;

    UpgradeServletOnlyLoader(ClassLoader parent) {
        super(parent);
        this.upgradeServlet = UpgradeFilter.class.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!name.startsWith("META-INF/services/")) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (url.toString().contains(upgradeServlet)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }
}
