package dev.switchboard.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the order in which candidate protocols are asked to take a request. The default
 * follows the client's preference (RFC 9110 section 7.8); a server may prefer its own order
 * or drop candidates, but never add one: a protocol the client did not offer is never
 * chosen (negotiation checks this).
 */
public interface SelectionPolicy {

    /**
     * @param clientOrder the candidates in the client's order of preference
     * @param head the request
     * @return the candidates to ask, in order; a subset of {@code clientOrder}, each at most once
     */
    <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder, RequestHead head);

    /** The client's order: the first listed protocol that accepts wins. */
    SelectionPolicy CLIENT_PREFERENCE = new SelectionPolicy() {
        @Override
        public <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder,
                RequestHead head) {
            return clientOrder;
        }

        @Override
        public String toString() {
            return "client-preference";
        }
    };

    /**
     * The server's order: candidates whose token appears in {@code preferred} come first, in
     * that order; the rest follow in the client's order.
     */
    static SelectionPolicy serverPreference(List<ProtocolToken> preferred) {
        List<ProtocolToken> order = List.copyOf(preferred);
        return new SelectionPolicy() {
            @Override
            public <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder,
                    RequestHead head) {
                List<Candidate<P>> out = new ArrayList<>(clientOrder.size());
                for (ProtocolToken want : order) {
                    for (Candidate<P> c : clientOrder) {
                        if (c.token().matches(want) && !out.contains(c)) {
                            out.add(c);
                        }
                    }
                }
                for (Candidate<P> c : clientOrder) {
                    if (!out.contains(c)) {
                        out.add(c);
                    }
                }
                return out;
            }

            @Override
            public String toString() {
                return "server-preference" + order;
            }
        };
    }
}
