package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.servlet.internal.HostName;

/**
 * The names under which upgrade requests are served ({@code switchboard.allowedHosts}): an
 * upgrade request whose {@code Host} is not among them is refused before any protocol sees it
 * (WS-15). Same-origin checks compare {@code Origin} with the request's own {@code Host}, so a
 * page on a name that an attacker points at a server's address (DNS rebinding) passes them;
 * only a list of the names the server really has stops it.
 *
 * <p>Entries, comma-separated in the setting:
 * <ul>
 *   <li>{@code example.com}: that name on any port; {@code example.com:8443}: on that port
 *       only (a {@code Host} without a port means the scheme's default, 80 or 443);</li>
 *   <li>{@code *.example.com}: any name below {@code example.com}, not {@code example.com}
 *       itself;</li>
 *   <li>{@code 127.0.0.1}, {@code [::1]}, {@code [::1]:8080}: address literals, IPv6 in
 *       brackets as in {@code Host}; equal addresses match however written
 *       ({@code [0:0::1]} is {@code [::1]});</li>
 *   <li>{@code *}: any host, as when the setting is empty (the default).</li>
 * </ul>
 * Names compare case-insensitively and without a trailing dot ({@code Example.COM.} is
 * {@code example.com}). A {@code Host} that is missing, empty or not a valid host (a user
 * part, a path, an IPv6 address without brackets or with a zone, a port over 65535) matches
 * nothing. Nothing is ever looked up in DNS. Immutable and thread-safe.
 */
public final class AllowedHosts {

    /** Every host: no check. */
    public static final AllowedHosts ANY = new AllowedHosts(List.of(), true);

    private final List<Entry> entries;
    private final boolean any;

    private AllowedHosts(List<Entry> entries, boolean any) {
        this.entries = entries;
        this.any = any;
    }

    /**
     * Reads the entries described above. An empty list, or one holding {@code *}, allows any
     * host.
     *
     * @throws IllegalArgumentException naming the first entry that is not a host, a
     *     {@code *.}-pattern or {@code *}, with an optional port
     */
    public static AllowedHosts of(List<String> entries) {
        List<Entry> parsed = new ArrayList<>();
        for (String raw : entries) {
            String text = raw.trim();
            if (text.equals("*")) {
                return ANY;
            }
            boolean wildcard = text.startsWith("*.");
            HostName host = HostName.parse(wildcard ? text.substring(2) : text);
            if (host == null || (wildcard && host.isAddress())) {
                throw new IllegalArgumentException("expected a host such as example.com, example.com:8443, "
                        + "*.example.com or [::1] but was \"" + raw + "\"");
            }
            parsed.add(new Entry(host, wildcard));
        }
        return parsed.isEmpty() ? ANY : new AllowedHosts(Collections.unmodifiableList(parsed), false);
    }

    /** Whether every host is allowed (nothing configured). */
    public boolean isAny() {
        return any;
    }

    /**
     * Whether a request with this {@code Host} field value is served.
     *
     * @param host the {@code Host} field value, or null when the request had none
     * @param defaultPort the port a {@code Host} without one stands for: 80 for {@code http},
     *     443 for {@code https}
     */
    public boolean allows(String host, int defaultPort) {
        if (any) {
            return true;
        }
        HostName name = HostName.parse(Objects.requireNonNullElse(host, ""));
        if (name == null) {
            return false;
        }
        int port = name.port() < 0 ? defaultPort : name.port();
        for (Entry e : entries) {
            if (e.matches(name, port)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code 421} for an upgrade request with this {@code Host}, with its reason, when the
     * host is not served; empty when it is. Every path that serves upgrades refuses with this
     * one answer.
     *
     * @param host the {@code Host} field value, or null when the request had none
     * @param defaultPort as for {@link #allows}
     */
    public Optional<HttpStatusException> refusal(String host, int defaultPort) {
        if (allows(host, defaultPort)) {
            return Optional.empty();
        }
        return Optional.of(new HttpStatusException(HttpSpec.SC_MISDIRECTED_REQUEST,
                host == null ? "Upgrade requests need a Host field" : "Host " + host + " is not served here"));
    }

    @Override
    public String toString() {
        if (any) {
            return "*";
        }
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.toString());
        }
        return String.join(", ", out);
    }

    private record Entry(HostName host, boolean wildcard) {
        boolean matches(HostName name, int port) {
            if (host.port() >= 0 && host.port() != port) {
                return false;
            }
            if (!wildcard) {
                return host.host().equals(name.host());
            }
            return !name.isAddress() && name.host().endsWith("." + host.host());
        }

        @Override
        public String toString() {
            return (wildcard ? "*." : "") + host;
        }
    }
}
