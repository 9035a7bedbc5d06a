package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.internal.FieldReader;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * A protocol's answer to one upgrade request. Immutable; the {@code with...} methods return
 * new instances.
 */
public sealed interface Decision
        permits Decision.Switch, Decision.Decline, Decision.Refuse, Decision.Delegate, Decision.Handled {

    /**
     * Switch the connection: {@link UpgradeFilter} writes the 101 and hands the connection to
     * a new instance of {@code handlerType}, created by the container (public no-argument
     * constructor). {@code setup} configures that instance; for handlers extending
     * {@link NonBlockingUpgradeHandler} it runs before the protocol starts on every container.
     */
    static <H extends HttpUpgradeHandler> Switch switchTo(Class<H> handlerType, Consumer<? super H> setup) {
        return new Switch(handlerType, setup, null, Map.of());
    }

    /** {@link #switchTo(Class, Consumer)} with nothing to configure. */
    static <H extends HttpUpgradeHandler> Switch switchTo(Class<H> handlerType) {
        return switchTo(handlerType, h -> { });
    }

    /** Not for this protocol: ask the next candidate. {@code reason} is for logs and counters. */
    static Decline decline(String reason) {
        return new Decline(reason);
    }

    /** Refuse the request with a 4xx or 5xx status and a one-line reason; no other protocol is asked. */
    static Refuse refuse(int status, String reason) {
        return new Refuse(new HttpStatusException(status, reason), String.valueOf(status));
    }

    /** Refuse the request with the status, reason and fields of {@code error}. */
    static Refuse refuse(HttpStatusException error) {
        return new Refuse(error, String.valueOf(error.status()));
    }

    /**
     * The request is acceptable, but the switch happens further down the filter chain (for
     * example in the container's own WebSocket filter); no other protocol is asked.
     */
    static Delegate delegate(String reason) {
        return new Delegate(reason);
    }

    /** The protocol has already answered the request itself (for example through {@code ServerContainer}). */
    static Handled handled() {
        return Handled.INSTANCE;
    }

    /** See {@link Decision#switchTo(Class, Consumer)}. */
    final class Switch implements Decision {

        private final Class<? extends HttpUpgradeHandler> handlerType;
        private final Consumer<HttpUpgradeHandler> setup;
        private final List<ProtocolToken> upgradeField;
        private final Map<String, String> fields;

        @SuppressWarnings("unchecked")
        private <H extends HttpUpgradeHandler> Switch(Class<H> handlerType, Consumer<? super H> setup,
                List<ProtocolToken> upgradeField, Map<String, String> fields) {
            this.handlerType = Objects.requireNonNull(handlerType, "handlerType");
            this.setup = (Consumer<HttpUpgradeHandler>) Objects.requireNonNull(setup, "setup");
            this.upgradeField = upgradeField;
            this.fields = fields;
        }

        /**
         * Names the protocol stack in the 101's {@code Upgrade} field, layer-ascending (RFC 9110
         * section 7.8), for example {@code TLS/1.2, HTTP/1.1}. The stack must contain the token
         * that was offered. By default the field names only the matched token.
         */
        public Switch withUpgrade(ProtocolToken... stack) {
            if (stack.length == 0) {
                throw new IllegalArgumentException("expected at least one protocol");
            }
            return new Switch(handlerType, setup, List.of(stack), fields);
        }

        /**
         * Adds a field to the 101, such as {@code Sec-WebSocket-Accept}. {@code Upgrade} and
         * {@code Connection} are written by the filter and cannot be set here.
         */
        public Switch withField(String name, String value) {
            if (!FieldReader.isToken(name) || "upgrade".equalsIgnoreCase(name) || "connection".equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("expected a field name other than Upgrade or Connection but was "
                        + name);
            }
            Map<String, String> copy = new LinkedHashMap<>(fields);
            copy.put(name, Objects.requireNonNull(value, "value"));
            return new Switch(handlerType, setup, upgradeField, Collections.unmodifiableMap(copy));
        }

        public Class<? extends HttpUpgradeHandler> handlerType() {
            return handlerType;
        }

        public Consumer<HttpUpgradeHandler> setup() {
            return setup;
        }

        /** The protocol stack for the 101's {@code Upgrade} field, or null for the matched token alone. */
        public List<ProtocolToken> upgradeField() {
            return upgradeField == null ? null : new ArrayList<>(upgradeField);
        }

        /** Extra fields for the 101, in order. */
        public Map<String, String> fields() {
            return fields;
        }
    }

    /** See {@link Decision#decline(String)}. */
    record Decline(String reason) implements Decision {
    }

    /**
     * See {@link Decision#refuse(int, String)}.
     *
     * @param error the status, one-line reason and fields of the response
     * @param kind a short, stable label under which counters record this refusal
     */
    record Refuse(HttpStatusException error, String kind) implements Decision {

        public Refuse {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(kind, "kind");
        }

        /** Adds a field to the refusal, such as {@code Sec-WebSocket-Version} with a 426. */
        public Refuse withField(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(error.fields());
            copy.put(name, value);
            return new Refuse(new HttpStatusException(error.status(), error.reason(), copy), kind);
        }

        /** Records the refusal under {@code label} in counters (for example {@code bad-key}). */
        public Refuse countedAs(String label) {
            return new Refuse(error, label);
        }
    }

    /** See {@link Decision#delegate(String)}. */
    record Delegate(String reason) implements Decision {
    }

    /** See {@link Decision#handled()}. */
    final class Handled implements Decision {
        static final Handled INSTANCE = new Handled();

        private Handled() {
        }
    }
}
