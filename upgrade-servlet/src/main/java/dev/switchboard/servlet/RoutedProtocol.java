package dev.switchboard.servlet;

import dev.switchboard.http.HttpStatusException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A protocol that claims upgrade requests by their path rather than by a token, whatever the
 * client offers: a gateway whose backend chooses what to switch to. Registered with
 * {@link UpgradeRegistry#route(RoutedProtocol)}.
 *
 * <p>Negotiation asks a routed protocol before the token walk, and only once every check it
 * makes of any upgrade request has passed: the {@code Upgrade} field read once under the
 * context's limits (400, 431), allowed hosts (421), HTTP/1.1, the {@code upgrade} connection
 * option. A request that fails one of them is answered as any other, and the protocol is told
 * through {@link #refusedAtTheDoor}. Its {@link Decision} may then:
 * <ul>
 *   <li>switch, naming with {@link Decision.Switch#withUpgrade} what was switched to (one of
 *       the client's offers; {@link UpgradeRequest#upgrade()} has them all), so that the one
 *       switch writes the 101 and hands the connection over;</li>
 *   <li>{@link Decision#respond respond} with an ordinary answer (a backend's response
 *       relayed), or refuse;</li>
 *   <li>decline, and the token walk goes on as for any request.</li>
 * </ul>
 * In {@link UpgradeRequest}, {@code offered()} and {@code token()} are the client's first offer.
 *
 * <p>Implementations are shared by all requests and must be thread-safe.
 */
public interface RoutedProtocol {

    /**
     * Whether upgrade requests for {@code request}'s path are this protocol's. Asked of every
     * upgrade request, before anything else is read: keep it to a look-up.
     */
    boolean claims(HttpServletRequest request);

    /**
     * Decides what to do with one request it claims. Runs on the request thread, before
     * anything has been written. Throwing {@link HttpStatusException} is the same as returning
     * {@link Decision#refuse(HttpStatusException)}.
     *
     * @return never null
     */
    Decision decide(UpgradeRequest request);

    /** The name used for this protocol in counters, JMX and logs. */
    String name();

    /**
     * A request this protocol claims was refused before it was asked, with {@code error},
     * counted under {@code kind} ({@code host}, {@code too-long}, ...); for a protocol that
     * keeps counters of its own. Does nothing by default.
     */
    default void refusedAtTheDoor(String kind, HttpStatusException error) {
    }
}
