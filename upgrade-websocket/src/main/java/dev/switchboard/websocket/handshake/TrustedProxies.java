package dev.switchboard.websocket.handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer addresses whose forwarding fields ({@code Forwarded}, {@code X-Forwarded-Host},
 * {@code X-Forwarded-Proto}) are believed: literal IPv4 or IPv6 addresses and CIDR ranges such
 * as {@code 10.0.0.0/8} or {@code fd00::/8}. Names are not accepted, so nothing here ever does
 * a DNS look-up. Immutable and thread-safe.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private final List<byte[]> networks;
    private final List<Integer> prefixes;
    private final List<String> spelled;

    private TrustedProxies(List<byte[]> networks, List<Integer> prefixes) {
        this.networks = networks;
        this.prefixes = prefixes;
        List<String> s = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            s.add(spell(networks.get(i), prefixes.get(i)));
        }
        this.spelled = List.copyOf(s);
    }

    /** Trust nobody: forwarding fields are ignored. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses addresses and ranges.
     *
     * @throws IllegalArgumentException if an entry is not a literal address or a CIDR range
     */
    public static TrustedProxies of(List<String> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("expected an IP address or CIDR range but was \"" + entry + "\"");
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException x) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("expected a prefix length from 0 to " + bits + " in \"" + entry
                            + "\"");
                }
            }
            networks.add(address);
            prefixes.add(prefix);
        }
        return new TrustedProxies(List.copyOf(networks), List.copyOf(prefixes));
    }

    /** Whether the peer at {@code remoteAddress} (a literal, as servlet containers report it) is trusted. */
    public boolean trusts(String remoteAddress) {
        if (networks.isEmpty() || remoteAddress == null) {
            return false;
        }
        byte[] address = literal(remoteAddress);
        if (address == null) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            if (inRange(address, networks.get(i), prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    private static boolean inRange(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** The bytes of a literal IPv4 or IPv6 address (brackets allowed), or null for anything else. */
    private static byte[] literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        boolean ipv6 = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.'
                    || (ipv6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return null; // a name or garbage: never resolved
            }
        }
        if (!ipv6) {
            return ipv4(s);
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Four decimal octets 0..255, or null; parsed here so that nothing malformed reaches the resolver. */
    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return null;
            }
            out[i] = (byte) n;
        }
        return out;
    }

    private static String spell(byte[] network, int prefix) {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies other && spelled.equals(other.spelled);
    }

    @Override
    public int hashCode() {
        return spelled.hashCode();
    }

    @Override
    public String toString() {
        return spelled.toString();
    }
}
