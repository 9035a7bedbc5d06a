package dev.switchboard.servlet;

import java.time.Duration;

/**
 * Hears what an application's {@link UpgradeStatistics} count, as it happens, with what
 * counters cannot keep: how long a switch took, how long a connection lived, how it was
 * closed. For metrics libraries (Switchboard's Micrometer binder is one); add it with
 * {@link UpgradeStatistics#addListener(UpgradeListener)}.
 *
 * <p>Methods are called on the threads that do the work (request threads, connection
 * threads), never while a lock is held; they must be quick and must not block. An exception a
 * listener throws is logged and otherwise ignored. Labels are those of the counters: short,
 * chosen by Switchboard or the protocol, never taken from a request.
 */
public interface UpgradeListener {

    /** What a request with an {@code Upgrade} field, or one protocol's decision on it, came to. */
    enum Outcome {
        /** The field was ignored (HTTP/1.0, no {@code upgrade} connection option, ...): no protocol was asked. */
        IGNORED,
        /** The field was refused before any protocol was asked (malformed, oversized). */
        REJECTED,
        /** No protocol switched; the request was served as an ordinary one. */
        UNMATCHED,
        /** The protocol switched (a 101 went out, or will once the response is complete). */
        SWITCHED,
        /** The protocol declined, so that the next offer was asked. */
        DECLINED,
        /** The offer was skipped: the request lacked something the protocol requires. */
        SKIPPED,
        /** The protocol left the switch to the rest of the chain (the container's WebSocket). */
        DELEGATED,
        /** The protocol refused the request with a 4xx or 5xx. */
        REFUSED
    }

    /**
     * Counted {@code outcome}.
     *
     * @param protocol the protocol's name, or {@code null} for the outcomes of a request
     *     ({@link Outcome#IGNORED}, {@link Outcome#REJECTED}, {@link Outcome#UNMATCHED})
     * @param reason the counter's label ({@code http-1.0}, {@code 400}, ...) for ignored,
     *     rejected and refused outcomes; {@code null} otherwise
     */
    default void counted(String protocol, Outcome outcome, String reason) {
    }

    /**
     * A protocol switched: {@code handshake} is the time from the filter receiving the
     * request to the 101 being handed to the container.
     */
    default void switched(String protocol, Duration handshake) {
    }

    /** The first counter of {@code statistics}' protocol was made: its gauges can be read from now on. */
    default void protocolAdded(ProtocolStatistics statistics) {
    }

    /** An upgraded connection of {@code protocol} closed after {@code lifetime}. */
    default void connectionClosed(String protocol, Duration lifetime) {
    }

    /** A connection of {@code protocol} that has close codes (WebSocket: RFC 6455 section 7.4) closed with {@code code}. */
    default void closedWith(String protocol, int code) {
    }
}
