package dev.switchboard.http;

/**
 * A registered protocol that matches one of the client's offers.
 *
 * @param offered the token as the client wrote it
 * @param token the protocol's own token that matched, as written in a 101
 * @param protocol the protocol
 * @param <P> the protocol type of the registry
 */
public record Candidate<P extends NegotiableProtocol>(ProtocolToken offered, ProtocolToken token, P protocol) {
}
