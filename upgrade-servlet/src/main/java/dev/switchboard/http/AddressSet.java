package dev.switchboard.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;

/**
 * A set of {@link AddressBlock}s, such as the trusted proxies of a context or the addresses
 * exempt from a policy. Configured as a list of addresses and CIDR blocks:
 *
 * <pre>
 * 10.0.0.0/8, 192.0.2.7, 2001:db8::/32, fe80::1%eth0
 * </pre>
 *
 * IPv4-mapped IPv6 addresses match the IPv4 blocks that hold the address they map, and the
 * other way round; zones follow {@link AddressBlock}. Names are refused, so nothing here
 * ever does a DNS look-up. Duplicate blocks are kept once. Immutable and thread-safe.
 */
public final class AddressSet {

    private static final AddressSet NONE = new AddressSet(List.of());

    private final List<AddressBlock> blocks;

    private AddressSet(List<AddressBlock> blocks) {
        this.blocks = blocks;
    }

    /** The empty set: holds no address. */
    public static AddressSet none() {
        return NONE;
    }

    /**
     * Parses each item as an {@link AddressBlock}; surrounding whitespace is ignored and empty
     * items are skipped, as in a comma-separated setting.
     *
     * @throws WireFormatException (400) naming the first item that is not an address or block
     */
    public static AddressSet parse(Iterable<String> items) {
        List<AddressBlock> out = new ArrayList<>();
        for (String item : items) {
            String s = item == null ? "" : item.strip();
            if (!s.isEmpty()) {
                out.add(AddressBlock.parse(s));
            }
        }
        return of(out);
    }

    /** Parses a comma-separated list; see {@link #parse(Iterable)}. */
    public static AddressSet parse(String commaSeparated) {
        return parse(List.of(commaSeparated.split(",", -1)));
    }

    /** The set of the given blocks. */
    public static AddressSet of(List<AddressBlock> blocks) {
        if (blocks.isEmpty()) {
            return NONE;
        }
        return new AddressSet(List.copyOf(new LinkedHashSet<>(blocks)));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether one of the blocks holds {@code address}. */
    public boolean contains(IpAddress address) {
        for (AddressBlock b : blocks) {
            if (b.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the blocks holds the address written {@code text}, as a container reports
     * a peer ({@code 192.0.2.1}, {@code 0:0:0:0:0:0:0:1}, {@code [::1]}); false when the text
     * is not an IP address at all.
     */
    public boolean containsLiteral(String text) {
        if (blocks.isEmpty() || text == null) {
            return false;
        }
        try {
            return contains(IpAddress.parse(text));
        } catch (WireFormatException notAnAddress) {
            return false;
        }
    }

    /** The blocks, in configured order. */
    public List<AddressBlock> blocks() {
        return blocks;
    }

    /** The blocks as a setting writes them: {@code 10.0.0.0/8, 2001:db8::/32}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ");
        blocks.forEach(b -> out.add(b.toString()));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressSet other && blocks.equals(other.blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }
}
