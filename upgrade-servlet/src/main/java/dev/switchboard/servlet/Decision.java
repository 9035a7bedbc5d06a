package dev.switchboard.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.FieldReader;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * A protocol's answer to one upgrade request. Immutable; the {@code with...} methods return
 * new instances.
 */
public sealed interface Decision
        permits Decision.Switch, Decision.Decline, Decision.Refuse, Decision.Delegate, Decision.Handled,
        Decision.Respond {

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
        return new Switch(Objects.requireNonNull(factory, "factory"), null, null, null, Map.of(), false, null);
    }

    /**
     * Switch the connection to a handler of the container's own kind: {@link UpgradeFilter}
     * writes the 101 and the container creates {@code handlerType} (public no-argument
     * constructor) and gives it the upgraded streams. Switchboard's engine does not run then:
     * no limits, timeouts or back-pressure but the handler's own. For protocols that must
     * drive the Servlet streams themselves; others use {@link #switchTo(UpgradeSession.Factory)}.
     */
    static Switch switchTo(Class<? extends HttpUpgradeHandler> handlerType) {
        return new Switch(null, Objects.requireNonNull(handlerType, "handlerType"), null, null, Map.of(), false, null);
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

    /**
     * Answer the request with an ordinary response that {@code writer} writes once negotiation
     * has acted on this decision, on the request thread; the connection stays HTTP and no other
     * protocol is asked. For a gateway that asked its backend first and did not get a 101: the
     * writer relays the backend's answer (status, fields, content) and releases the backend.
     */
    static Respond respond(ResponseWriter writer) {
        return new Respond(writer);
    }

    /** Writes the response of a {@link Respond} decision. */
    @FunctionalInterface
    interface ResponseWriter {
        /**
         * Writes the whole response and releases whatever the decision held for it.
         *
         * @throws IOException if the response was cut short; once it is committed the container
         *     then ends the connection rather than the response
         */
        void writeTo(HttpServletResponse response) throws IOException;
    }

    /** See {@link Decision#switchTo(UpgradeSession.Factory)}. */
    final class Switch implements Decision {

        private final UpgradeSession.Factory factory;
        private final Class<? extends HttpUpgradeHandler> handlerType;
        private final HandlerOptions limits;
        private final List<ProtocolToken> upgradeField;
        private final Map<String, List<String>> fields;
        private final boolean contentRead;
        private final Runnable abandon;

        private Switch(UpgradeSession.Factory factory, Class<? extends HttpUpgradeHandler> handlerType,
                HandlerOptions limits, List<ProtocolToken> upgradeField, Map<String, List<String>> fields,
                boolean contentRead, Runnable abandon) {
            this.factory = factory;
            this.handlerType = handlerType;
            this.limits = limits;
            this.upgradeField = upgradeField;
            this.fields = fields;
            this.contentRead = contentRead;
            this.abandon = abandon;
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
            return new Switch(factory, null, connectionLimits, upgradeField, fields, contentRead, abandon);
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
            return new Switch(factory, handlerType, limits, List.of(stack), fields, contentRead, abandon);
        }

        /**
         * Adds a field to the 101, such as {@code Sec-WebSocket-Accept}. {@code Upgrade} and
         * {@code Connection} are written by the filter and cannot be set here.
         */
        public Switch withField(String name, String value) {
            return withLines(name, value, false);
        }

        /**
         * Adds another line of a field to the 101 after those of the same name (a relayed
         * response's repeated fields); otherwise as {@link #withField}.
         */
        public Switch addField(String name, String value) {
            return withLines(name, value, true);
        }

        /**
         * Says that the protocol has read the request's content itself (a gateway that sent it
         * on to its backend): the switch reads none, and the session starts with none.
         */
        public Switch withContentRead() {
            return new Switch(factory, handlerType, limits, upgradeField, fields, true, abandon);
        }

        /**
         * Runs {@code cleanup} on the request thread if the switch does not happen after all (the
         * container refuses it), for a protocol that holds something its session was to take
         * over, such as a gateway's backend connection. Past the point of no return the session
         * factory owns it.
         */
        public Switch onAbandon(Runnable cleanup) {
            return new Switch(factory, handlerType, limits, upgradeField, fields, contentRead,
                    Objects.requireNonNull(cleanup, "cleanup"));
        }

        private Switch withLines(String name, String value, boolean add) {
            if (!FieldReader.isToken(name) || "upgrade".equalsIgnoreCase(name) || "connection".equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("expected a field name other than Upgrade or Connection but was "
                        + name);
            }
            Objects.requireNonNull(value, "value");
            Map<String, List<String>> copy = new LinkedHashMap<>(fields);
            List<String> lines = add && copy.containsKey(name) ? new ArrayList<>(copy.get(name)) : new ArrayList<>(1);
            lines.add(value);
            copy.put(name, List.copyOf(lines));
            return new Switch(factory, handlerType, limits, upgradeField, Collections.unmodifiableMap(copy),
                    contentRead, abandon);
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

        /** Extra fields for the 101, in order, each with its first line; {@link #fieldLines()} has them all. */
        public Map<String, String> fields() {
            Map<String, String> first = new LinkedHashMap<>();
            fields.forEach((name, lines) -> first.put(name, lines.get(0)));
            return Collections.unmodifiableMap(first);
        }

        /** Extra fields for the 101, in order, each with every line. */
        public Map<String, List<String>> fieldLines() {
            return fields;
        }

        /** Whether the protocol has read the request's content itself. */
        public boolean contentRead() {
            return contentRead;
        }

        /** Runs the cleanup given to {@link #onAbandon}, if any. */
        void abandon() {
            if (abandon != null) {
                abandon.run();
            }
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

    /**
     * See {@link Decision#respond(ResponseWriter)}.
     *
     * @param writer writes the response
     */
    record Respond(ResponseWriter writer) implements Decision {

        public Respond {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /** See {@link Decision#handled()}. */
    final class Handled implements Decision {
        static final Handled INSTANCE = new Handled();

        private Handled() {
        }
    }
}
