package dev.switchboard.tls.internal;

import java.util.Arrays;

/**
 * One address or CIDR block, such as {@code 10.0.0.0/8}, {@code 192.0.2.7} or
 * {@code 2001:db8::/32}. IPv4 ranges match only IPv4 addresses. Immutable.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address} or {@code address/prefix}.
     *
     * @throws IllegalArgumentException if the text is not an IP literal with an optional
     *     prefix length within the address size
     */
    public static AddressRange parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("expected an IP address or CIDR block but was \"" + text + "\"");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("expected a prefix length after '/' but was \"" + text + "\"");
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new IllegalArgumentException("expected a prefix length of at most " + bits + " but was \""
                        + text + "\"");
            }
        }
        byte[] network = mask(address, prefix);
        return new AddressRange(network, prefix, s);
    }

    /** Whether the address bytes (4 or 16) fall in this range. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
