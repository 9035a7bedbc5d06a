package dev.switchboard.websocket.internal;

import java.util.List;

import dev.switchboard.websocket.WebSocketPolicy;

/**
 * An endpoint class annotated with {@code @ServerEndpoint}, as the web application's
 * initializer found it: the container deploys it; Switchboard validates its handshakes and, when
 * its configurator is Switchboard's, applies its policy.
 *
 * @param path the annotation's path
 * @param template the parsed path
 * @param type the annotated class
 * @param subprotocols the annotation's subprotocols, in the server's order of preference
 * @param policy the class's {@link WebSocketPolicy}, or null
 * @param switchboardConfigurator whether the annotation names {@code SwitchboardConfigurator} or a subclass
 */
public record AnnotatedEndpoint(String path, PathTemplate template, Class<?> type, List<String> subprotocols,
        WebSocketPolicy policy, boolean switchboardConfigurator) {

    /** The servlet-context attribute holding the application's {@code List<AnnotatedEndpoint>}. */
    public static final String ATTRIBUTE = AnnotatedEndpoint.class.getName() + ".list";

    public AnnotatedEndpoint {
        subprotocols = List.copyOf(subprotocols);
    }

    /** The name for per-endpoint parameters: the policy's, else none. */
    public String name() {
        return policy == null || policy.name().isEmpty() ? null : policy.name();
    }
}
