package dev.switchboard.websocket.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;
import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.EndpointDeclarations;
import dev.switchboard.websocket.EndpointPolicy;
import dev.switchboard.websocket.HandshakeAuthorizer;
import dev.switchboard.websocket.WebSocketPolicy;

/**
 * A {@link WebSocketPolicy} as {@link Settings} keyed by option ({@code maxSessions}), so that
 * the annotation is read by the same code as web.xml ({@link EndpointPolicy.Builder#apply}):
 * each attribute named after an option of {@link EndpointDeclarations} gives its text, a list
 * attribute its items joined with commas, and {@code authorizer} the {@code auth} option.
 */
public final class AnnotationSettings {

    private static final OptionGroup GROUP = EndpointDeclarations.GROUP;

    private AnnotationSettings() {
    }

    /** The attributes that are set, under their option keys. */
    public static Settings of(WebSocketPolicy a) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Option<?> option : GROUP.options()) {
            attribute(a, GROUP.key(option)).ifPresent(v -> m.put(GROUP.key(option), v));
        }
        if (a.authorizer() != HandshakeAuthorizer.class) {
            m.put(EndpointPolicy.AUTH, a.authorizer().getName());
        }
        return Settings.of(m);
    }

    /** The text of the attribute called {@code name}, if the annotation has one and it is set. */
    private static Optional<String> attribute(WebSocketPolicy a, String name) {
        Method method;
        try {
            method = WebSocketPolicy.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            return Optional.empty(); // an option that only web.xml sets
        }
        Object value;
        try {
            value = method.invoke(a);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read @WebSocketPolicy." + name, e);
        }
        String text = value instanceof String[] items ? String.join(", ", items) : String.valueOf(value);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
