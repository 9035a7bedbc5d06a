package dev.switchboard.servlet;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request on its way through Switchboard's {@link Stage}s: the request as the stages so far
 * show it, the response, the request's {@code Upgrade} field read once under the context's
 * limits, and what earlier stages learnt for later ones (under typed {@link Key}s). Confined to
 * the request's thread; not thread-safe.
 */
public final class Exchange {

    /**
     * The request attribute that carries the exchange from one Switchboard filter to the next
     * when the application declares them one by one in web.xml; {@link SwitchboardFilter} runs
     * every stage itself and does not set it.
     */
    static final String ATTRIBUTE = Exchange.class.getName();

    private HttpServletRequest request;
    private HttpServletResponse response;
    private final NegotiationLimits limits;
    private UpgradeField upgrade;
    private Map<Key<?>, Object> values = Map.of();

    /**
     * @param limits the context's {@code switchboard.maxUpgradeFieldLength} and
     *     {@code switchboard.maxUpgradeProtocols}, applied when the field is read
     */
    public Exchange(HttpServletRequest request, HttpServletResponse response, NegotiationLimits limits) {
        this.request = Objects.requireNonNull(request, "request");
        this.response = Objects.requireNonNull(response, "response");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The request as the stages so far show it. */
    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /**
     * Shows the later stages and the chain {@code wrapped} instead of the current request
     * (typically a wrapper of it). The {@code Upgrade} field already read is kept.
     */
    public void wrapRequest(HttpServletRequest wrapped) {
        this.request = Objects.requireNonNull(wrapped, "wrapped");
    }

    /** Shows the later stages and the chain {@code wrapped} instead of the current response. */
    public void wrapResponse(HttpServletResponse wrapped) {
        this.response = Objects.requireNonNull(wrapped, "wrapped");
    }

    /**
     * The request's {@code Upgrade} field: read and parsed under the limits on the first call,
     * then the same value. Requests without the field cost one header look-up.
     */
    public UpgradeField upgrade() {
        UpgradeField u = upgrade;
        if (u == null) {
            u = request.getHeader(HttpSpec.UPGRADE) == null ? UpgradeField.ABSENT
                    : UpgradeField.read(Collections.list(request.getHeaders(HttpSpec.UPGRADE)), limits);
            upgrade = u;
        }
        return u;
    }

    /**
     * Replaces the offer the later stages see with {@code offers}, a subset of what the client
     * offered (the TLS policy leaves only the TLS tokens to a request that must switch to TLS).
     */
    public void narrowUpgrade(Upgrade offers) {
        this.upgrade = new UpgradeField.Offered(offers);
    }

    /** The limits the {@code Upgrade} field is read under. */
    public NegotiationLimits limits() {
        return limits;
    }

    /** What an earlier stage recorded under {@code key}, or null. */
    public <T> T get(Key<T> key) {
        return key.type.cast(values.get(key));
    }

    /** Records {@code value} under {@code key} for the later stages; null removes it. */
    public <T> void put(Key<T> key, T value) {
        if (values.isEmpty()) {
            if (value == null) {
                return;
            }
            values = new IdentityHashMap<>(4);
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, key.type.cast(value));
        }
    }

    /**
     * The exchange that an earlier Switchboard filter of this request handed on, now showing
     * {@code request} and {@code response} (the application's filters in between may have
     * wrapped them); or a new one, which {@link #handOn()} leaves for the filters after.
     */
    static Exchange join(HttpServletRequest request, HttpServletResponse response, NegotiationLimits limits) {
        if (request.getAttribute(ATTRIBUTE) instanceof Exchange earlier) {
            earlier.request = request;
            earlier.response = response;
            return earlier;
        }
        return new Exchange(request, response, limits);
    }

    /**
     * Leaves this exchange on its request for the Switchboard filters later in the chain, when
     * it holds something they could not read again for the price of a look-up: an
     * {@code Upgrade} field that is there, or what a stage recorded. A request without the
     * field that no stage recorded anything for passes on without a request attribute, so the
     * common request costs no allocation for it.
     */
    void handOn() {
        if ((upgrade != null && upgrade.present()) || !values.isEmpty()) {
            request.setAttribute(ATTRIBUTE, this);
        }
    }

    /**
     * A typed name for something a stage records in the exchange. Keys compare by identity:
     * keep each in a constant.
     *
     * @param <T> the value's type
     */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        public Key(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String toString() {
        return "Exchange[" + request.getMethod() + ' ' + request.getRequestURI() + ", " + List.copyOf(values.keySet()) + ']';
    }
}
