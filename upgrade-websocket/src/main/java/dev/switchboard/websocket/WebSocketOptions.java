package dev.switchboard.websocket;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.HandshakeLimits;

/**
 * The settings of the {@code websocket} protocol as a whole: the bounds on every handshake, and
 * the policy of every endpoint before its own settings apply. Immutable; read from init-params
 * with {@link #from(Settings)}, or built in code with {@link #of(HandshakeLimits, Settings)}.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code switchboard.websocket.maxFieldLength}</td><td>4096</td><td>combined length of each of
 *       {@code Sec-WebSocket-Protocol}, {@code Sec-WebSocket-Extensions}, {@code Origin}; beyond it 431</td></tr>
 *   <tr><td>{@code switchboard.websocket.maxOffers}</td><td>32</td><td>subprotocols, and extension offers,
 *       one handshake may list; beyond it 431</td></tr>
 *   <tr><td>{@code switchboard.websocket.<option>}</td><td></td><td>an {@link EndpointPolicy} option for every endpoint</td></tr>
 *   <tr><td>{@code switchboard.websocket.endpoint.<name>.<option>}</td><td></td><td>the same, for the endpoint named
 *       {@code <name>}</td></tr>
 * </table>
 */
public final class WebSocketOptions {

    /** Prefix of every parameter of this module. */
    public static final String PREFIX = "switchboard.websocket.";
    /** Prefix of one endpoint's parameters, followed by its name and a dot. */
    public static final String ENDPOINT_PREFIX = PREFIX + "endpoint.";
    /** Parameter for {@link HandshakeLimits#maxFieldLength()}. */
    public static final String MAX_FIELD_LENGTH = PREFIX + "maxFieldLength";
    /** Parameter for {@link HandshakeLimits#maxOffers()}. */
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
        HandshakeLimits limits = new HandshakeLimits(
                settings.getInt(MAX_FIELD_LENGTH, HandshakeLimits.DEFAULT.maxFieldLength(), 64, 65536),
                settings.getInt(MAX_OFFERS, HandshakeLimits.DEFAULT.maxOffers(), 1, 1024));
        return new WebSocketOptions(limits, settings);
    }

    /** These limits, with policies from {@code settings}. */
    public static WebSocketOptions of(HandshakeLimits limits, Settings settings) {
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
