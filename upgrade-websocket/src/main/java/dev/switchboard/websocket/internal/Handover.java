package dev.switchboard.websocket.internal;

import dev.switchboard.websocket.EndpointPolicy;
import dev.switchboard.websocket.handshake.Agreement;
import dev.switchboard.websocket.handshake.Handshake;

/**
 * What the {@code websocket} protocol decided about the handshake the current thread is
 * handling, for the {@code SwitchboardConfigurator} that the container calls next on the same
 * thread (inside {@code ServerContainer.upgradeHttpToWebSocket}, or in the container's own
 * WebSocket filter further down the chain). This is how the 101 that the container writes
 * carries exactly the subprotocol and extensions Switchboard agreed, on both paths.
 *
 * <p>Scoped to one request: the protocol or the guard filter always {@link #end()}s it in a
 * {@code finally} block on the thread that {@link #begin began} it.
 *
 * @param handshake the validated handshake
 * @param policy the endpoint's policy
 * @param agreement what was agreed, or null when the endpoint's supported subprotocols are
 *     only known to the container (the configurator then agrees itself, with {@code policy})
 * @param sessions the endpoint's sessions, or null when Switchboard does not bound them
 */
public record Handover(Handshake handshake, EndpointPolicy policy, Agreement agreement, EndpointSessions sessions) {

    private static final ThreadLocal<Handover> CURRENT = new ThreadLocal<>();

    /** Makes {@code handover} the current thread's. */
    public static void begin(Handover handover) {
        CURRENT.set(handover);
    }

    /** The current thread's handover, or null when Switchboard did not validate this handshake. */
    public static Handover current() {
        return CURRENT.get();
    }

    /** Ends the current thread's handover, if any. */
    public static void end() {
        CURRENT.remove();
    }
}
