package dev.switchboard.options;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The option groups of one Switchboard jar, found with {@link ServiceLoader}
 * ({@code META-INF/services/dev.switchboard.options.OptionCatalog}). Tools that describe every
 * option, such as the README generator or a framework's configuration metadata, read them
 * here rather than keeping a list of their own.
 */
public interface OptionCatalog {

    /** This jar's groups, in the order its documentation lists them. */
    List<OptionGroup> groups();

    /** The groups of every catalog {@code loader} sees, catalog by catalog. */
    static List<OptionGroup> load(ClassLoader loader) {
        List<OptionGroup> out = new ArrayList<>();
        for (OptionCatalog catalog : ServiceLoader.load(OptionCatalog.class, loader)) {
            out.addAll(catalog.groups());
        }
        return List.copyOf(out);
    }
}
