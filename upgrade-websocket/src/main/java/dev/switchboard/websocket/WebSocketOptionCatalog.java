package dev.switchboard.websocket;

import java.util.List;

import dev.switchboard.options.OptionCatalog;
import dev.switchboard.options.OptionGroup;

/** The option groups of {@code upgrade-websocket}. */
public final class WebSocketOptionCatalog implements OptionCatalog {

    @Override
    public List<OptionGroup> groups() {
        return List.of(WebSocketDeclarations.GROUP, EndpointDeclarations.GROUP);
    }
}
