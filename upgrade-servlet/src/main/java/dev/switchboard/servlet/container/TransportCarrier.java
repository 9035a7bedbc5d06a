package dev.switchboard.servlet.container;

/**
 * A container's own upgrade handler that carries a switched connection to Switchboard's
 * connection engine as a {@link Transport}, in place of the Servlet streams: the type
 * {@link ContainerSupport#carrier} names, which the switch passes to
 * {@code HttpServletRequest.upgrade(Class)} (Tomcat's internal upgrade handlers are one).
 *
 * <p>The switch calls {@link #carry} once, right after {@code upgrade()} returned the
 * instance; the container hands the connection over before or after that. The carrier then
 * calls {@link Receiver#connected} once with the transport, or, where it finds it cannot
 * serve the connection after all, closes it; and {@link Receiver#released} once when the
 * container releases the connection, which may come first. Implementations are thread-safe.
 */
public interface TransportCarrier {

    /** What takes the connection on the engine's side. Thread-safe. */
    interface Receiver {
        /** The container handed the connection over, on {@code transport}; called at most once. */
        void connected(Transport transport);

        /** The container released the connection: nothing follows. Called once. */
        void released();
    }

    /** Sends the connection to {@code receiver}; called once, by the switch. */
    void carry(Receiver receiver);
}
