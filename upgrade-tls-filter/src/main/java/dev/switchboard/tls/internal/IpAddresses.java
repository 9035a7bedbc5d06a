package dev.switchboard.tls.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals into their bytes without ever asking DNS: a peer's
 * {@code X-Forwarded-For} or a configured proxy list must not turn into name look-ups.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * The 4 or 16 bytes of an IPv4 dotted quad or an IPv6 literal (brackets and a zone id
     * allowed, IPv4-mapped IPv6 reduced to IPv4), or null when {@code text} is not a literal.
     */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String s = text;
        if (s.charAt(0) == '[') {
            if (s.charAt(s.length() - 1) != ']') {
                return null;
            }
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                    || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        try {
            // A string with a colon is only ever parsed as an IPv6 literal: no look-up happens.
            byte[] bytes = InetAddress.getByName("[" + s + "]").getAddress();
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // no leading zeros: "010" is octal to some parsers
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }
}
