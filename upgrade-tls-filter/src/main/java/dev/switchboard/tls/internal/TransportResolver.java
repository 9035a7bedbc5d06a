package dev.switchboard.tls.internal;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ForwardedClient;
import dev.switchboard.servlet.ForwardedClients;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides how a request reached the application (TLS-09):
 * <ol>
 *   <li>over this module's RFC 2817 bridge, recognised by its socket (see
 *       {@link BridgeRegistry}): secure;</li>
 *   <li>from a trusted proxy of the context's {@code switchboard.trustedProxies}: the scheme,
 *       port and client that the chain of trusted proxies names, as the context's one
 *       {@link ForwardedClients} resolves them for every part of the server;</li>
 *   <li>otherwise as the container says; forwarding fields from anyone else are ignored.</li>
 * </ol>
 * Thread-safe.
 */
public final class TransportResolver {

    private final BridgeRegistry bridges;
    private final ForwardedClients clients;

    public TransportResolver(BridgeRegistry bridges, ForwardedClients clients) {
        this.bridges = bridges;
        this.clients = clients;
    }

    /**
     * @throws FieldSyntaxException (400) if a trusted proxy sent a malformed forwarding field
     */
    public Transport resolve(HttpServletRequest request) {
        BridgeRegistry.Entry bridge = bridges.find(request);
        if (bridge != null) {
            return new Transport(Transport.Source.BRIDGE, true, request.getScheme(), request.getServerPort(),
                    bridge.clientAddress(), bridge.clientPort(), bridge.session());
        }
        ForwardedClient client = clients.resolve(request);
        if (client.source() == ForwardedClient.Source.CONNECTION) {
            return Transport.container(request);
        }
        String address = client.address().map(Object::toString).orElse(client.client().toString());
        return new Transport(Transport.Source.PROXY, client.secure(), client.scheme(), client.serverPort(), address,
                client.port(), null);
    }
}
