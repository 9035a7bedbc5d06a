package dev.switchboard.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request came from and how, as far as the server can tell: the connection's own peer
 * and security, or what a chain of trusted proxies says about the client in front of them.
 * Made by {@link ForwardedClientResolver}. Immutable.
 */
public final class ForwardedClient {

    /** Whose word the values are. */
    public enum Source {
        /** The connection: no trusted proxy said anything (or the peer is not trusted). */
        CONNECTION,
        /** Trusted proxies, through {@code Forwarded}. */
        FORWARDED,
        /** Trusted proxies, through {@code X-Forwarded-*}. */
        X_FORWARDED
    }

    private final Source source;
    private final ForwardedNode client;
    private final boolean secure;
    private final Authority host;
    private final int serverPort;
    private final int trustedHops;

    ForwardedClient(Source source, ForwardedNode client, boolean secure, Authority host, int serverPort,
            int trustedHops) {
        this.source = source;
        this.client = Objects.requireNonNull(client, "client");
        this.secure = secure;
        this.host = host;
        this.serverPort = serverPort;
        this.trustedHops = trustedHops;
    }

    public Source source() {
        return source;
    }

    /** The client as a node: its address and port, or {@code unknown} / an obfuscated name when a proxy hid it. */
    public ForwardedNode client() {
        return client;
    }

    /** The client's address, when known. */
    public Optional<IpAddress> address() {
        return client.address();
    }

    /** The client's port, or -1 when unknown. */
    public int port() {
        return client.port();
    }

    /** Whether the client's own connection (to this server or to the first trusted proxy) is secure. */
    public boolean secure() {
        return secure;
    }

    /** {@code https} when {@link #secure()}, else {@code http}. */
    public String scheme() {
        return secure ? HttpSpec.SCHEME_HTTPS : HttpSpec.SCHEME_HTTP;
    }

    /** The authority the client asked for, when known: a trusted proxy's word, else the request's one valid {@code Host}. */
    public Optional<Authority> host() {
        return Optional.ofNullable(host);
    }

    /** The port the client connected to; see {@link ForwardedClientResolver} for how it is found. */
    public int serverPort() {
        return serverPort;
    }

    /** How many trusted proxies vouched for these values: 0 for {@link Source#CONNECTION}. */
    public int trustedHops() {
        return trustedHops;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardedClient other && source == other.source && client.equals(other.client)
                && secure == other.secure && Objects.equals(host, other.host) && serverPort == other.serverPort
                && trustedHops == other.trustedHops;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, client, secure, host, serverPort, trustedHops);
    }

    /** For logs: {@code FORWARDED client=192.0.2.60:4711 https host=example.com port=443 hops=2}. */
    @Override
    public String toString() {
        return source + " client=" + client + " " + scheme() + " host=" + (host == null ? "-" : host) + " port="
                + serverPort + " hops=" + trustedHops;
    }
}
