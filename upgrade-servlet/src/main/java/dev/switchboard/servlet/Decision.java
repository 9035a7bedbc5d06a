package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.FieldReader;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * A protocol's answer to one upgrade request. Immutable; the {@code with...} methods return
 * new instances.
 */
public sealed interface Decision
        permits Decision.Switch, Decision.Decline, Decision.Refuse, Decision.Delegate, Decision.Handled {

    /**
     * Switch the connection: {@link UpgradeFilter} writes the 101, hands the connection to
     * Switchboard's connection engine, and has {@code factory} build the protocol's session
     * for it, with whatever configuration the session needs in its constructor:
     * <pre>
     * return Decision.switchTo(connection -&gt; new ChatSession(connection, room));</pre>
     * The factory runs once, on the request thread, past the point of no return (see
     * {@link UpgradeSession.Factory}). The connection gets the filter's limits unless
     * {@link Switch#withLimits} says otherwise.
     */
    static Switch switchTo(UpgradeSession.Factory factory) {
        return new Switch(Objects.requireNonNull(factory, "factory"), null, null, null, Map.of());
    }

    /**
     * Switch the connection to a handler of the container's own kind: {@link UpgradeFilter}
     * writes the 101 and the container creates {@code handlerType} (public no-argument
     * constructor) and gives it the upgraded streams. Switchboard's engine does not run then:
     * no limits, timeouts or back-pressure but the handler's own. For protocols that must
     * drive the Servlet streams themselves; others use {@link #switchTo(UpgradeSession.Factory)}.
     */
    static Switch switchTo(Class<? extends HttpUpgradeHandler> handlerType) {
        return new Switch(null, Objects.requireNonNull(handlerType, "handlerType"), null, null, Map.of());
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

    /** See {@link Decision#switchTo(UpgradeSession.Factory)}. */
    final class Switch implements Decision {

        private final UpgradeSession.Factory factory;
        private final Class<? extends HttpUpgradeHandler> handlerType;
        private final HandlerOptions limits;
        private final List<ProtocolToken> upgradeField;
        private final Map<String, String> fields;

        private Switch(UpgradeSession.Factory factory, Class<? extends HttpUpgradeHandler> handlerType,
                HandlerOptions limits, List<ProtocolToken> upgradeField, Map<String, String> fields) {
            this.factory = factory;
            this.handlerType = handlerType;
            this.limits = limits;
            this.upgradeField = upgradeField;
            this.fields = fields;
        }

        /**
         * The limits for the session's connection (a protocol's own timeouts and sizes, read
         * with {@link HandlerOptions#from}); by default the filter's.
         *
         * @throws IllegalStateException if this switch is to a handler of the container's kind
         */
        public Switch withLimits(HandlerOptions connectionLimits) {
            Objects.requireNonNull(connectionLimits, "limits");
            if (factory == null) {
                throw new IllegalStateException("limits apply to sessions, not to " + handlerType.getName());
            }
            return new Switch(factory, null, connectionLimits, upgradeField, fields);
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
            return new Switch(factory, handlerType, limits, List.of(stack), fields);
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
            return new Switch(factory, handlerType, limits, upgradeField, Collections.unmodifiableMap(copy));
        }

        /** The factory of the session, or null for a switch to a handler of the container's kind. */
        public UpgradeSession.Factory factory() {
            return factory;
        }

        /** The handler of the container's kind, or null for a switch to a session. */
        public Class<? extends HttpUpgradeHandler> handlerType() {
            return handlerType;
        }

        /** The limits for the session's connection, or null for the filter's. */
        public HandlerOptions limits() {
            return limits;
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

    /**
     * See {@link Decision#delegate(String)}.
     *
     * @param reason for logs
     * @param cleanup run on the request thread once the rest of the chain has returned or
     *     thrown, to forget what the protocol left for the container's own handshake
     */
    record Delegate(String reason, Runnable cleanup) implements Decision {

        public Delegate {
            Objects.requireNonNull(cleanup, "cleanup");
        }

        public Delegate(String reason) {
            this(reason, () -> {
            });
        }

        /** The same delegation, running {@code task} once the rest of the chain has returned or thrown. */
        public Delegate withCleanup(Runnable task) {
            return new Delegate(reason, task);
        }
    }

    /** See {@link Decision#handled()}. */
    final class Handled implements Decision {
        static final Handled INSTANCE = new Handled();

        private Handled() {
        }
    }
}
