package dev.switchboard.proxy.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.switchboard.http.Connection;
import dev.switchboard.http.HttpSpec;

/**
 * The fields that describe one connection rather than the message, which a proxy must not
 * forward (RFC 9110 section 7.6.1): {@code Connection} and every field it names, plus the
 * fields known to be hop-by-hop whether named or not. Immutable.
 */
final class HopByHop {

    /** Hop-by-hop whether or not {@code Connection} names them (lower-cased). */
    private static final Set<String> ALWAYS = Set.of(
            HttpSpec.CONNECTION.toLowerCase(Locale.ROOT),
            HttpSpec.KEEP_ALIVE.toLowerCase(Locale.ROOT),
            HttpSpec.PROXY_CONNECTION.toLowerCase(Locale.ROOT),
            HttpSpec.TE.toLowerCase(Locale.ROOT),
            HttpSpec.TRAILER.toLowerCase(Locale.ROOT),
            HttpSpec.TRANSFER_ENCODING.toLowerCase(Locale.ROOT),
            HttpSpec.UPGRADE.toLowerCase(Locale.ROOT));

    private final Set<String> names;

    private HopByHop(Set<String> names) {
        this.names = names;
    }

    /** The hop-by-hop fields of a message whose {@code Connection} field is {@code connection}. */
    static HopByHop of(Connection connection) {
        Set<String> names = new HashSet<>(ALWAYS);
        names.addAll(connection.options()); // already lower-cased
        return new HopByHop(names);
    }

    /** Whether the field {@code name} belongs to the connection and must not be forwarded. */
    boolean contains(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }
}
