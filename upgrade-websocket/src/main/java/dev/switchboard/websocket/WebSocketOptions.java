package dev.switchboard.websocket;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.switchboard.options.OptionValues;
import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.HandshakeLimits;

/**
 * The settings of the {@code websocket} protocol as a whole: the bounds on every handshake
 * ({@link WebSocketDeclarations}), and the policy of every endpoint before its own settings
 * apply ({@code switchboard.websocket.<option>} for every endpoint,
 * {@code switchboard.websocket.endpoint.<name>.<option>} for one: {@link EndpointDeclarations}).
 * Immutable; read from init-params with {@link #from(Settings)}, or built in code with
 * {@link #of(HandshakeLimits, Settings)}.
 */
public final class WebSocketOptions {

    /** Prefix of every parameter of this module. */
    public static final String PREFIX = "switchboard.websocket.";
    /** Prefix of one endpoint's parameters, followed by its name and a dot. */
    public static final String ENDPOINT_PREFIX = PREFIX + "endpoint.";
    /** Parameter for {@link HandshakeLimits#maxFieldLength()}: {@link WebSocketDeclarations#MAX_FIELD_LENGTH}. */
    public static final String MAX_FIELD_LENGTH = PREFIX + "maxFieldLength";
    /** Parameter for {@link HandshakeLimits#maxOffers()}: {@link WebSocketDeclarations#MAX_OFFERS}. */
    public static final String MAX_OFFERS = PREFIX + "maxOffers";

    private final HandshakeLimits limits;
    private final Settings settings;
    private final EndpointPolicy defaultPolicy;

    private WebSocketOptions(HandshakeLimits limits, Settings settings) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.defaultPolicy = EndpointPolicy.from(settings);
    }

    /**
     * Reads the options from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static WebSocketOptions from(Settings settings) {
        OptionValues values = WebSocketDeclarations.GROUP.read(settings);
        return new WebSocketOptions(new HandshakeLimits(values.get(WebSocketDeclarations.MAX_FIELD_LENGTH),
                values.get(WebSocketDeclarations.MAX_OFFERS)), settings);
    }

    /**
     * These limits, with policies from {@code settings}.
     *
     * @throws IllegalArgumentException naming the option a limit is out of range for
     */
    public static WebSocketOptions of(HandshakeLimits limits, Settings settings) {
        WebSocketDeclarations.MAX_FIELD_LENGTH.check(limits.maxFieldLength());
        WebSocketDeclarations.MAX_OFFERS.check(limits.maxOffers());
        return new WebSocketOptions(limits, settings);
    }

    /** The defaults, with no parameters set. */
    public static WebSocketOptions defaults() {
        return from(Settings.of(Map.of()));
    }

    public HandshakeLimits limits() {
        return limits;
    }

    /** The policy of endpoints that have no settings of their own. */
    public EndpointPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /**
     * The policy of one endpoint: the defaults, the {@code switchboard.websocket.*} parameters,
     * {@code layer} (its annotation or code), then its own parameters when it has a name.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public EndpointPolicy policyFor(String name, Consumer<EndpointPolicy.Builder> layer) {
        EndpointPolicy.Builder b = EndpointPolicy.builder().apply(settings, PREFIX);
        layer.accept(b);
        if (name != null && !name.isEmpty()) {
            b.apply(settings, ENDPOINT_PREFIX + name + ".");
        }
        return b.build();
    }
}
