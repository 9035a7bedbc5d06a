package dev.switchboard.servlet.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A {@code Host} field value, {@code uri-host [ ":" port ]} (RFC 9110 section 7.2, RFC 3986
 * section 3.2.2), in a form that compares: names lower-cased without a trailing dot, IPv6
 * literals in one canonical spelling inside brackets. Strict: what is not a plain name, an
 * IPv4 address or a bracketed IPv6 address is not a host. Never looks anything up. Immutable.
 *
 * @param host the normalised host: {@code example.com}, {@code 127.0.0.1} or {@code [0:0:0:0:0:0:0:1]}
 * @param port the port, or -1 when none was given
 * @param isAddress whether {@code host} is an IP address literal
 */
public record HostName(String host, int port, boolean isAddress) {

    /** Longest name accepted (RFC 1035 section 2.3.4 allows 253 characters plus a trailing dot). */
    private static final int MAX_NAME = 254;

    /** Parses {@code text}; null when it is not a valid host with an optional port. */
    public static HostName parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String host;
        String rest;
        boolean address;
        if (text.charAt(0) == '[') {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = ipv6(text.substring(1, close));
            rest = text.substring(close + 1);
            address = true;
        } else {
            int colon = text.indexOf(':');
            host = name(colon < 0 ? text : text.substring(0, colon));
            rest = colon < 0 ? "" : text.substring(colon);
            address = host != null && isIpv4(host);
        }
        if (host == null) {
            return null;
        }
        int port = -1;
        if (!rest.isEmpty()) {
            if (rest.charAt(0) != ':') {
                return null;
            }
            port = port(rest.substring(1));
            if (port == -2) {
                return null;
            }
        }
        return new HostName(host, port, address);
    }

    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }

    /** A reg-name of letters, digits, '-', '_' and non-empty dot-separated labels, lower-cased; else null. */
    private static String name(String s) {
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > MAX_NAME || s.startsWith(".") || s.contains("..")) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return null;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** Four decimal parts of 0..255 without leading zeros: the only IPv4 form a {@code Host} carries. */
    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 literal (hex digits, colons, an embedded IPv4 tail; no zone) canonically spelt in brackets; else null. */
    private static String ipv6(String s) {
        if (s.isEmpty() || s.length() > 45 || s.indexOf(':') < 0) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return null;
            }
        }
        try {
            // A literal of only these characters is parsed, never resolved.
            InetAddress a = InetAddress.getByName("[" + s + "]");
            return "[" + a.getHostAddress() + "]";
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** 0..65535 in at most five digits; -2 when not a port (an empty port is -1: none given). */
    private static int port(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        if (s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        int p = Integer.parseInt(s);
        return p > 65535 ? -2 : p;
    }
}
