package dev.switchboard.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.switchboard.http.Authority;
import dev.switchboard.http.WireFormatException;

/**
 * The {@code host:port} pairs that a {@code CONNECT} request may open a tunnel to (RFC 9110
 * section 9.3.6). Everything else is refused with 403: an open CONNECT proxy lets anyone
 * reach any port the gateway can reach. Host names compare case-insensitively and exactly
 * (no wildcards, no resolution); IPv6 literals are written in brackets ({@code [::1]:8443})
 * and compare in their RFC 5952 form. Immutable.
 */
public final class ConnectPolicy {

    private static final ConnectPolicy NONE = new ConnectPolicy(Set.of());

    private final Set<String> allowed;

    private ConnectPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Allows no target: every CONNECT gets 403. The default. */
    public static ConnectPolicy none() {
        return NONE;
    }

    /**
     * Allows exactly the given targets.
     *
     * @param targets such as {@code db.internal:5432} or {@code [::1]:8443}
     * @throws IllegalArgumentException if a target is not {@code host:port}
     */
    public static ConnectPolicy allow(List<String> targets) {
        Set<String> set = new LinkedHashSet<>();
        for (String target : targets) {
            Target t = Target.parse(target).orElseThrow(
                    () -> new IllegalArgumentException("expected host:port but was \"" + target + "\""));
            set.add(t.toString());
        }
        return set.isEmpty() ? NONE : new ConnectPolicy(Collections.unmodifiableSet(set));
    }

    /**
     * Whether a CONNECT to {@code authority} (the request target, {@code host:port}) is allowed.
     * A target that is not {@code host:port} is never allowed.
     */
    public boolean allows(String authority) {
        return Target.parse(authority).map(t -> allowed.contains(t.toString())).orElse(false);
    }

    /** The allowed targets, normalised ({@code host:port}, host lower-cased). */
    public List<String> targets() {
        return new ArrayList<>(allowed);
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    @Override
    public String toString() {
        return allowed.toString();
    }

    /**
     * {@code host:port} as a CONNECT request target carries it (RFC 9112 section 3.2.3).
     *
     * @param host lower-cased, without brackets for an IPv6 literal (in its RFC 5952 form)
     * @param port 1..65535
     */
    public record Target(String host, int port) {

        /** {@code host:port}, with brackets around an IPv6 literal. */
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ':' + port;
        }

        /**
         * The parsed target, or empty if {@code text}, without surrounding whitespace, is not
         * {@code host:port} as {@link Authority#parseWithPort} reads it.
         */
        public static Optional<Target> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            Authority authority;
            try {
                authority = Authority.parseWithPort(text.trim());
            } catch (WireFormatException e) {
                return Optional.empty();
            }
            String host = authority.host();
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            return Optional.of(new Target(host, authority.port()));
        }
    }
}
