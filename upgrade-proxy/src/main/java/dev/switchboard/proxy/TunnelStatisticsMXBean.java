package dev.switchboard.proxy;

import java.util.Map;

/** Counters of the upgrade tunnel of one web application, as exposed over JMX. */
public interface TunnelStatisticsMXBean {

    /** Upgrade and CONNECT requests that matched a route. */
    long getRequests();

    /** Tunnels open now (client switched, backend connected). */
    int getTunnelsOpen();

    /** Tunnels opened since start: the backend answered 101 and the client was switched. */
    long getTunnelsOpened();

    /** Backend answers other than 101 that were relayed to the client as ordinary responses. */
    long getResponsesRelayed();

    /**
     * Relayed answers other than 101 that were cut short after the client had their head: the
     * response timeout passed (PRX-09), the backend failed, or the client went away. The client
     * connection was closed without the end of the body.
     */
    long getResponsesCut();

    /** Requests answered by the tunnel itself with a 4xx or 5xx. */
    long getRefusals();

    /**
     * Refusals by reason, such as {@code capacity}, {@code connect-timeout}, {@code response-timeout},
     * {@code send-timeout}, {@code transfer-encoding}, {@code origin-forbidden} or {@code bad-response}.
     */
    Map<String, Long> getRefusalsByReason();

    /** Bytes relayed from clients to backends after the switch. */
    long getBytesToBackend();

    /** Bytes relayed from backends to clients after the switch, including bytes sent right after the 101. */
    long getBytesFromBackend();
}
