package dev.switchboard.http;

import java.util.List;

/**
 * What the request's {@code Upgrade} and {@code Connection} fields allow, before any protocol
 * is asked: ignore the field, refuse the request, or ask these candidates in this order.
 *
 * @param <P> the protocol type of the registry
 */
public sealed interface Negotiation<P extends NegotiableProtocol> {

    /**
     * Serve the request as if it had no {@code Upgrade} field (for example an HTTP/1.0
     * request, RFC 9110 section 7.8). The field should be hidden from the rest of the
     * application so that nothing downstream switches either.
     *
     * @param kind a short, stable label for counters, such as {@code http-1.0}
     * @param reason one line saying why, for logs
     */
    record Ignore<P extends NegotiableProtocol>(String kind, String reason) implements Negotiation<P> {
    }

    /**
     * Refuse the request: the field is malformed or over a limit.
     *
     * @param kind a short, stable label for counters, such as {@code invalid-field}
     * @param error the status and reason to answer with
     */
    record Reject<P extends NegotiableProtocol>(String kind, HttpStatusException error) implements Negotiation<P> {
    }

    /**
     * Ask the candidates in order; the first that switches or refuses ends the walk. When the
     * list is empty or every candidate declines, serve the request normally (RFC 9110
     * section 7.8: an unknown protocol is not an error).
     *
     * @param upgrade the parsed {@code Upgrade} field
     * @param connection the parsed {@code Connection} field
     * @param candidates the protocols to ask, in order
     * @param skipped matching protocols that the request does not qualify for, with reasons
     */
    record Candidates<P extends NegotiableProtocol>(Upgrade upgrade, Connection connection,
            List<Candidate<P>> candidates, List<Skipped<P>> skipped) implements Negotiation<P> {
    }

    /**
     * A protocol the client offered that was not asked, because the request lacks something
     * the protocol requires.
     */
    record Skipped<P extends NegotiableProtocol>(Candidate<P> candidate, String reason) {
    }
}
