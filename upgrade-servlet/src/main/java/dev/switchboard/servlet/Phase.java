package dev.switchboard.servlet;

/**
 * The ordered phases of Switchboard's front door. {@link SwitchboardFilter} runs the
 * {@link Stage}s of one request in this order, whatever order their jars are found in; each
 * phase holds at most one stage of each module.
 *
 * <ol>
 *   <li>{@link #TRANSPORT}: settle how the request arrived (TLS, a trusted proxy, an RFC 2817
 *       connection) and show the rest a request that reports it consistently;</li>
 *   <li>{@link #TLS_POLICY}: answer cleartext requests for protected resources with 426 (or a
 *       redirect), or narrow their upgrade to TLS;</li>
 *   <li>{@link #TUNNEL_ROUTES}: tunnel CONNECT requests to their target (the tunnel's upgrade
 *       routes are a {@link RoutedProtocol} of negotiation);</li>
 *   <li>{@link #NEGOTIATION}: Switchboard's own negotiation and dispatch to the registered
 *       protocols, routed ones first (switch, respond, refuse, or pass on), including the
 *       refusal of requests that negotiation ignores but that a protocol's rules say are broken
 *       handshakes ({@link UpgradeProtocol#whenIgnored});</li>
 *   <li>{@link #POST_DISPATCH_GUARD}: act on requests that negotiation passed on, before the
 *       application sees them.</li>
 * </ol>
 */
public enum Phase {
    /** How the request arrived. */
    TRANSPORT,
    /** Mandatory TLS. */
    TLS_POLICY,
    /** CONNECT requests tunnelled to their target; CONNECT is not an upgrade, so not negotiated. */
    TUNNEL_ROUTES,
    /** Negotiation and dispatch; Switchboard's own stage. */
    NEGOTIATION,
    /** Requests that negotiation passed on. */
    POST_DISPATCH_GUARD
}
