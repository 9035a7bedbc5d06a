package dev.switchboard.servlet;

import java.util.Optional;

import dev.switchboard.http.NegotiableProtocol;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;

/**
 * A protocol that requests can switch to, registered by token in an {@link UpgradeRegistry}.
 * {@link UpgradeFilter} asks the registered protocols in the client's order of preference
 * (or a configured policy's), and each answers with a {@link Decision}: switch, decline
 * (ask the next), refuse with a status, respond with an ordinary answer it writes, delegate to
 * the rest of the chain, or report that it has answered the request itself. A protocol that
 * claims requests by path rather than by token is a {@link RoutedProtocol}.
 *
 * <p>A protocol only sees requests that are valid upgrade requests for it: HTTP/1.1, a
 * well-formed {@code Upgrade} field offering one of its {@link #tokens()}, the
 * {@code upgrade} connection option, and whatever {@link #requiredConnectionOptions()},
 * {@link #requiredFields()} and {@link #acceptsContent()} demand.
 *
 * <p>Implementations are shared by all requests and must be thread-safe. To be found by
 * {@link SwitchboardInitializer}, annotate the class with {@link RegisterUpgradeProtocol} or
 * ship an {@link UpgradeProtocolProvider}.
 */
public interface UpgradeProtocol extends NegotiableProtocol {

    /**
     * Decides what to do with one request. Runs on the request thread, before anything has
     * been written. Throwing {@link dev.switchboard.http.HttpStatusException} is the same as
     * returning {@link Decision#refuse(dev.switchboard.http.HttpStatusException)}.
     *
     * @return never null
     */
    Decision decide(UpgradeRequest request);

    /**
     * Asked when negotiation ignores a request whose {@code Upgrade} field offers one of this
     * protocol's tokens (HTTP/1.0, no {@code upgrade} connection option, a CONNECT): such a
     * request goes on as an ordinary request. A protocol whose rules make it a broken handshake
     * refuses it here, as {@code websocket} does with 400 (RFC 6455 section 4.2.1); by default
     * it goes on. Runs on the request thread, before anything has been written.
     *
     * @param head the request
     * @param offered the request's {@code Upgrade} field, as negotiation read it
     * @return the refusal, or empty to let the request go on
     */
    default Optional<Decision.Refuse> whenIgnored(RequestHead head, Upgrade offered) {
        return Optional.empty();
    }

    /** The name used for this protocol in counters, JMX and logs: by default its first token. */
    default String name() {
        return tokens().get(0).toString();
    }
}
