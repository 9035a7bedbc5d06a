package dev.switchboard.tls.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request fields that assert who the client is, how it connected, or which certificate
 * it showed: what proxies and load balancers add, and what container valves and filters
 * believe when a request comes from an address they trust. Tomcat's {@code RemoteIpValve}
 * trusts loopback addresses by default, and every bridged request comes from one, so none
 * of these fields may reach the container from a client (TLS-14).
 *
 * <p>Names compare case-insensitively and with {@code _} taken for {@code -}, since some
 * servers and frameworks read {@code ssl_client_cert} and {@code SSL-Client-Cert} as one
 * field. Besides the known names and prefixes below, the names a container's configuration
 * reads (see {@link ConfiguredIdentityFields}) are added. Immutable and thread-safe.
 */
public final class IdentityFields {

    /** Fields of proxies, CDNs and servers that carry a client address, scheme, port or certificate. */
    private static final Set<String> NAMES = Set.of(
            "forwarded", "x-real-ip", "x-real-port", "true-client-ip", "cf-connecting-ip", "cf-visitor",
            "x-client-ip", "x-cluster-client-ip", "fastly-client-ip", "client-ip", "proxy-client-ip",
            "wl-proxy-client-ip", "wl-proxy-ssl", "x-originating-ip", "x-remote-ip", "x-remote-addr",
            "x-proxyuser-ip", "front-end-https", "x-url-scheme", "x-scheme", "x-proxied-https",
            "client-cert", "client-cert-chain", "x-client-cert", "x-client-certificate", "x-client-verify",
            "x-arr-clientcert", "x-arr-ssl", "proxy-auth-cert", "proxy-ssl-id");

    /**
     * Families: {@code X-Forwarded-*} (For, Proto, Host, Port, Server, Ssl, By, Client-Cert),
     * {@code X-SSL-*} and {@code ssl_*} (what TLS-terminating proxies send and Tomcat's
     * {@code SSLValve} reads), {@code X-Client-Cert-*}, {@code X-Original-Forwarded-*}.
     */
    private static final List<String> PREFIXES = List.of(
            "x-forwarded-", "x-ssl-", "ssl-", "x-client-cert-", "x-original-forwarded-");

    private static final IdentityFields KNOWN = new IdentityFields(Set.of());

    private final Set<String> configured;

    private IdentityFields(Set<String> configured) {
        this.configured = Set.copyOf(configured);
    }

    /** The known names and prefixes only. */
    public static IdentityFields known() {
        return KNOWN;
    }

    /** The known names and prefixes, and {@code names} (as a configuration spells them). */
    public static IdentityFields with(Collection<String> names) {
        Set<String> out = new TreeSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                out.add(normalise(name.trim()));
            }
        }
        return out.isEmpty() ? KNOWN : new IdentityFields(out);
    }

    /** Whether a field named {@code name} asserts the client's identity, transport or certificate. */
    public boolean asserts(String name) {
        String n = normalise(name);
        if (NAMES.contains(n) || configured.contains(n)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The names added by configuration, normalised. */
    public Set<String> configured() {
        return configured;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return "IdentityFields" + configured;
    }
}
