package dev.switchboard.servlet;

import java.util.List;

import dev.switchboard.options.OptionCatalog;
import dev.switchboard.options.OptionGroup;

/** The option groups of {@code upgrade-servlet}. */
public final class ServletOptionCatalog implements OptionCatalog {

    @Override
    public List<OptionGroup> groups() {
        return List.of(UpgradeDeclarations.GROUP, HandlerDeclarations.GROUP);
    }
}
