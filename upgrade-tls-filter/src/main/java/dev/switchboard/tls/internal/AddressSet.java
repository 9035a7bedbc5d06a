package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.List;

/** A set of {@link AddressRange}s, such as the trusted proxies. Immutable and thread-safe. */
public final class AddressSet {

    private static final AddressSet NONE = new AddressSet(List.of());

    private final List<AddressRange> ranges;

    private AddressSet(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    public static AddressSet none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException if an item is not an address or CIDR block
     */
    public static AddressSet parse(List<String> items) {
        List<AddressRange> out = new ArrayList<>(items.size());
        for (String item : items) {
            out.add(AddressRange.parse(item));
        }
        return out.isEmpty() ? NONE : new AddressSet(List.copyOf(out));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is in one of the ranges; false when it is not a literal. */
    public boolean contains(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null) {
            return false;
        }
        for (AddressRange r : ranges) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public List<AddressRange> ranges() {
        return ranges;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
