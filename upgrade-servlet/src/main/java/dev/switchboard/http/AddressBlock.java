package dev.switchboard.http;

/**
 * One address or CIDR block (RFC 4632 section 3.1, RFC 4291 section 2.3), such as
 * {@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code 2001:db8::/32} or, with a zone,
 * {@code fe80::%eth0/64} (RFC 4007 section 11.7).
 *
 * <p>Matching:
 * <ul>
 *   <li>IPv4 addresses and blocks are compared as their IPv4-mapped IPv6 form
 *       ({@code ::ffff:a.b.c.d}, RFC 4291 section 2.5.5.2), so {@code 10.0.0.0/8} holds
 *       {@code ::ffff:10.1.2.3}, {@code ::ffff:10.0.0.0/104} holds {@code 10.1.2.3}, and
 *       {@code ::/0} holds every address;</li>
 *   <li>a block without a zone holds an address whatever its zone; a block with a zone holds
 *       only addresses with the same zone, compared as text ({@code fe80::1} on another
 *       interface is another host).</li>
 * </ul>
 * Bits past the prefix are cleared: {@code 10.1.2.3/8} is {@code 10.0.0.0/8}. Immutable.
 */
public final class AddressBlock {

    private static final String WHAT = "address block";

    private final IpAddress network;
    private final int prefix;
    private final byte[] mappedNetwork;
    private final int mappedPrefix;

    private AddressBlock(IpAddress network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        this.mappedNetwork = network.mapped();
        this.mappedPrefix = network.isIpv4() ? 96 + prefix : prefix;
    }

    /**
     * Parses {@code address} or {@code address/prefix}; an IPv6 address may carry a zone
     * before the slash and may be written in brackets.
     *
     * @throws WireFormatException (400) if the text is not an address with an optional prefix
     *     length from 0 to 32 (IPv4) or 128 (IPv6), written in decimal
     */
    public static AddressBlock parse(String text) {
        if (text == null) {
            throw new WireFormatException(WHAT, "expected an address or CIDR block but was null");
        }
        int slash = text.indexOf('/');
        IpAddress address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        int bits = address.isIpv4() ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            prefix = digits.isEmpty() || digits.length() > 3 ? -1 : 0;
            for (int i = 0; i < digits.length() && prefix >= 0; i++) {
                char c = digits.charAt(i);
                prefix = c >= '0' && c <= '9' ? prefix * 10 + (c - '0') : -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new WireFormatException(WHAT, "expected a prefix length from 0 to " + bits + " after '/' but was \""
                        + OneLine.of(text) + "\"");
            }
        }
        return of(address, prefix);
    }

    /**
     * The block of {@code address} with {@code prefix} leading bits.
     *
     * @throws IllegalArgumentException if {@code prefix} is outside 0..32 (IPv4) or 0..128 (IPv6)
     */
    public static AddressBlock of(IpAddress address, int prefix) {
        int bits = address.isIpv4() ? 32 : 128;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("expected a prefix length from 0 to " + bits + " but was " + prefix);
        }
        return new AddressBlock(address.masked(prefix), prefix);
    }

    /** Whether {@code address} lies in this block; see the class comment for IPv4-mapped addresses and zones. */
    public boolean contains(IpAddress address) {
        if (network.zone().isPresent() && !network.zone().equals(address.zone())) {
            return false;
        }
        byte[] a = address.mapped();
        int full = mappedPrefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != mappedNetwork[i]) {
                return false;
            }
        }
        int rest = mappedPrefix % 8;
        return rest == 0 || ((a[full] ^ mappedNetwork[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }

    /** The first address of the block, with the zone if it has one. */
    public IpAddress network() {
        return network;
    }

    /** The prefix length, in the bits of the address family: 0..32 or 0..128. */
    public int prefix() {
        return prefix;
    }

    /** {@code network/prefix}, or the address alone for a block of one address. */
    @Override
    public String toString() {
        int bits = network.isIpv4() ? 32 : 128;
        if (prefix == bits) {
            return network.toString();
        }
        return network + "/" + prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBlock other && prefix == other.prefix && network.equals(other.network);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 131 + prefix;
    }
}
