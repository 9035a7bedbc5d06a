package dev.switchboard.servlet;

import java.util.Map;

/** Counters of one upgrade protocol in one web application, as exposed over JMX. */
public interface ProtocolStatisticsMXBean {

    /** The protocol's name, usually its first token. */
    String getProtocol();

    /** Requests switched to this protocol (a 101 was sent). */
    long getUpgrades();

    /** Requests the protocol declined, so that the next candidate was asked. */
    long getDeclines();

    /** Offers skipped because the request lacked something the protocol requires. */
    long getSkipped();

    /** Requests accepted but switched further down the chain (for example by the container's WebSocket filter). */
    long getDelegated();

    /** Requests refused with a 4xx or 5xx. */
    long getRefusals();

    /** Refusals by their label, such as {@code 400} or {@code bad-key}. */
    Map<String, Long> getRefusalsByReason();

    /** Upgraded connections currently open. */
    int getActiveConnections();

    /**
     * Upgraded connections since start by the transport that carried them ({@code servlet},
     * {@code jetty}; see {@code switchboard.transport}).
     */
    Map<String, Long> getConnectionsByTransport();

    /** Bytes read from upgraded connections after the switch. */
    long getBytesReceived();

    /** Bytes written to upgraded connections after the switch. */
    long getBytesSent();
}
