package dev.switchboard.proxy;

import java.util.List;

import dev.switchboard.options.OptionCatalog;
import dev.switchboard.options.OptionGroup;

/** The option groups of {@code upgrade-proxy}. */
public final class TunnelOptionCatalog implements OptionCatalog {

    @Override
    public List<OptionGroup> groups() {
        return List.of(TunnelDeclarations.GROUP, TunnelDeclarations.SHARED);
    }
}
