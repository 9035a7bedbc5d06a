package dev.switchboard.servlet.container;

import dev.switchboard.servlet.SwitchboardRuntime;

/**
 * A container's own upgrade handler that carries a switched connection to Switchboard's
 * connection engine as a {@link Transport}, in place of the Servlet streams: the type
 * {@link ContainerSupport#carrier} names, which the switch passes to
 * {@code HttpServletRequest.upgrade(Class)} (Tomcat's internal upgrade handlers are one).
 *
 * <p>The switch calls {@link #carry} once, right after {@code upgrade()} returned the
 * instance; the container hands the connection over before or after that (Tomcat: after).
 * A carrier that can take the connection off the container's threads onto an event loop of
 * Switchboard's own runs that loop as a service of the application's runtime, which it is
 * given with the call; a connection handed over before the call, or without a runtime, stays
 * on the container's threads. The carrier then
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

    /**
     * Sends the connection to {@code receiver}; called once, by the switch.
     *
     * @param runtime the application's runtime, retained by the stage that switched, where
     *     the carrier may run the connection on an event loop of Switchboard's own (a
     *     {@link SwitchboardRuntime#service}); null where it must stay on the container's
     *     threads ({@code switchboard.ownLoop=false})
     */
    void carry(Receiver receiver, SwitchboardRuntime runtime);
}
