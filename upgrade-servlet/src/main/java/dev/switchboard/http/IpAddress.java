package dev.switchboard.http;

import java.util.Arrays;
import java.util.Optional;

import dev.switchboard.http.internal.IpLiterals;

/**
 * An IPv4 or IPv6 address read from its text, never by asking DNS: a peer's
 * {@code X-Forwarded-For} or a configured proxy list must not turn into name look-ups.
 *
 * <ul>
 *   <li>IPv4 is dotted decimal with no leading zeros ({@code dec-octet}, RFC 3986 section
 *       3.2.2): {@code 010.0.0.1} is refused, since some resolvers read it as octal;</li>
 *   <li>IPv6 is any form of RFC 4291 section 2.2, with an IPv4 tail allowed, optionally with
 *       a zone ({@code fe80::1%eth0}, RFC 4007 section 11); brackets around it, as some
 *       containers write remote addresses ({@code [::1]}), are accepted;</li>
 *   <li>{@link #toString()} writes the RFC 5952 form: {@code 2001:DB8:0:0::1} becomes
 *       {@code 2001:db8::1}, and an IPv4-mapped address {@code ::ffff:192.0.2.1}.</li>
 * </ul>
 *
 * <p>An IPv4-mapped IPv6 address and the IPv4 address it maps are different values here,
 * as they are different texts; {@link AddressBlock} matches them alike. Immutable.
 */
public final class IpAddress {

    /** The longest zone accepted, in characters; interface names are far shorter. */
    public static final int MAX_ZONE_LENGTH = 64;

    private static final String WHAT = "IP address";

    private final byte[] bytes;
    private final String zone;

    private IpAddress(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
    }

    /**
     * Parses an IPv4 or IPv6 literal.
     *
     * @throws WireFormatException (400) if {@code text} is not one: a name, a port, surrounding
     *     whitespace and an IPv4 address in brackets are all refused
     */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new WireFormatException(WHAT, "expected an IPv4 or IPv6 address but was empty");
        }
        int from = 0;
        int to = text.length();
        boolean bracketed = text.charAt(0) == '[';
        if (bracketed) {
            if (to < 3 || text.charAt(to - 1) != ']') {
                throw invalid(text, "expected ']' to close '['");
            }
            from = 1;
            to--;
        }
        if (text.indexOf(':', from) < 0) {
            if (bracketed) {
                throw invalid(text, "expected an IPv6 address inside brackets");
            }
            return new IpAddress(IpLiterals.ipv4(text, from, to), null);
        }
        int percent = text.indexOf('%', from);
        String zone = null;
        if (percent >= 0 && percent < to) {
            zone = text.substring(percent + 1, to);
            requireZone(text, zone);
            to = percent;
        }
        return new IpAddress(IpLiterals.ipv6(text, from, to), zone);
    }

    /**
     * The address of 4 or 16 bytes, in network order.
     *
     * @throws IllegalArgumentException for any other length
     */
    public static IpAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("expected 4 or 16 bytes but was " + bytes.length);
        }
        return new IpAddress(bytes.clone(), null);
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    /** Whether this is an IPv6 address in {@code ::ffff:0:0/96}, the IPv4-mapped block (RFC 4291 section 2.5.5.2). */
    public boolean isIpv4Mapped() {
        return isIpv6() && IpLiterals.isIpv4Mapped(bytes);
    }

    /** The 4 or 16 bytes, in network order; a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The zone of a scoped IPv6 address, such as {@code eth0}; compared as text. */
    public Optional<String> zone() {
        return Optional.ofNullable(zone);
    }

    /** This address without its zone. */
    public IpAddress withoutZone() {
        return zone == null ? this : new IpAddress(bytes, null);
    }

    /** This address with the bits past {@code prefix} cleared, zone kept. */
    IpAddress masked(int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return new IpAddress(out, zone);
    }

    /**
     * The sixteen bytes by which {@link AddressBlock} compares addresses: IPv6 as it is, IPv4
     * as its IPv4-mapped IPv6 address. Not a copy: callers in this package only read it.
     */
    byte[] mapped() {
        if (isIpv6()) {
            return bytes;
        }
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, out, 12, 4);
        return out;
    }

    /** The address in brackets when it is IPv6, as URIs and {@code Forwarded} nodes write it; zone left out. */
    public String toUriString() {
        return isIpv4() ? toString() : "[" + IpLiterals.formatIpv6(bytes) + "]";
    }

    /** The canonical text: dotted decimal, or RFC 5952 IPv6 followed by {@code %zone} where there is one. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return IpLiterals.formatIpv4(bytes, 0);
        }
        String text = IpLiterals.formatIpv6(bytes);
        return zone == null ? text : text + '%' + zone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes)
                && (zone == null ? other.zone == null : zone.equals(other.zone));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + (zone == null ? 0 : zone.hashCode());
    }

    /** {@code ZoneID} of RFC 6874 section 2 (unreserved characters; no percent-encoding). */
    private static void requireZone(String text, String zone) {
        if (zone.isEmpty() || zone.length() > MAX_ZONE_LENGTH) {
            throw invalid(text, "expected a zone of 1 to " + MAX_ZONE_LENGTH + " characters after '%'");
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                throw invalid(text, "expected letters, digits, '-', '.', '_' or '~' in the zone");
            }
        }
    }

    private static WireFormatException invalid(String text, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(text) + "\"");
    }
}
