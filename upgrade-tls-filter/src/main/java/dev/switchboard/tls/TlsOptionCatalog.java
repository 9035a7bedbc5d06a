package dev.switchboard.tls;

import java.util.List;

import dev.switchboard.options.OptionCatalog;
import dev.switchboard.options.OptionGroup;

/** The option groups of {@code upgrade-tls-filter}. */
public final class TlsOptionCatalog implements OptionCatalog {

    @Override
    public List<OptionGroup> groups() {
        return List.of(TlsPolicyDeclarations.GROUP, TlsUpgradeDeclarations.GROUP);
    }
}
