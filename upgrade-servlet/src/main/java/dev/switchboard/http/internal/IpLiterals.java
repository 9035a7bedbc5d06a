package dev.switchboard.http.internal;

import dev.switchboard.http.OneLine;
import dev.switchboard.http.WireFormatException;

/**
 * Reads and writes the text forms of IP addresses without any name look-up: IPv4 dotted
 * decimal as RFC 3986 section 3.2.2 writes it ({@code dec-octet}, so no leading zeros, which
 * some resolvers read as octal), and IPv6 as RFC 4291 section 2.2 writes it (with {@code ::}
 * and an IPv4 tail); IPv6 is written back as RFC 5952 recommends. One pass over the text,
 * whatever it holds.
 */
public final class IpLiterals {

    private static final String WHAT = "IP address";

    private IpLiterals() {
    }

    /**
     * The four bytes of {@code s[from..to)}, a dotted-decimal IPv4 address.
     *
     * @throws WireFormatException (400) if the text is not one
     */
    public static byte[] ipv4(String s, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part == 4) {
                    throw invalid(s, "expected four decimal numbers separated by '.'");
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                if (value == 0) {
                    throw invalid(s, "expected no leading zero in an IPv4 number");
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    throw invalid(s, "expected IPv4 numbers from 0 to 255");
                }
            } else {
                throw invalid(s, "expected a digit or '.' in an IPv4 address");
            }
        }
        if (part != 4) {
            throw invalid(s, "expected four decimal numbers separated by '.'");
        }
        return out;
    }

    /**
     * The sixteen bytes of {@code s[from..to)}, an IPv6 address without zone or brackets.
     *
     * @throws WireFormatException (400) if the text is not one
     */
    public static byte[] ipv6(String s, int from, int to) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = from;
        if (s.startsWith("::", from) && to - from >= 2) {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
                value = (value << 4 | Character.digit(s.charAt(i), 16)) & 0xfffff;
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                if (count > 6) {
                    throw invalid(s, "expected an IPv4 tail only in the last two groups");
                }
                byte[] v4 = ipv4(s, start, to);
                groups[count++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                groups[count++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
                i = to;
                break;
            }
            if (i == start || i - start > 4) {
                throw invalid(s, "expected 1 to 4 hex digits in each group");
            }
            if (count == 8) {
                throw invalid(s, "expected at most 8 groups");
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                throw invalid(s, "expected a hex digit or ':'");
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    throw invalid(s, "expected \"::\" at most once");
                }
                gap = count;
                i++;
            } else if (i == to) {
                throw invalid(s, "expected a group after the last ':'");
            }
        }
        if (gap < 0 ? count != 8 : count == 8) {
            throw invalid(s, gap < 0 ? "expected 8 groups, or \"::\" for the missing ones" : "expected \"::\" to stand for at least one group");
        }
        byte[] out = new byte[16];
        int zeros = 8 - count;
        for (int g = 0, k = 0; g < 8; g++) {
            int v = gap >= 0 && g >= gap && g < gap + zeros ? 0 : groups[k++];
            out[2 * g] = (byte) (v >>> 8);
            out[2 * g + 1] = (byte) v;
        }
        return out;
    }

    /** {@code a.b.c.d} for four bytes. */
    public static String formatIpv4(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /**
     * The RFC 5952 text of sixteen bytes: lower-case hex without leading zeros, the longest run
     * of two or more zero groups (the first of equals) written {@code ::}, and an IPv4-mapped
     * address as {@code ::ffff:a.b.c.d} (section 5).
     */
    public static String formatIpv6(byte[] b) {
        if (isIpv4Mapped(b)) {
            return "::ffff:" + formatIpv4(b, 12);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            int run = 0;
            while (g + run < 8 && group(b, g + run) == 0) {
                run++;
            }
            if (run > bestLength) {
                bestStart = g;
                bestLength = run;
            }
            g += Math.max(run, 1);
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(group(b, g)));
        }
        return out.toString();
    }

    /** Whether sixteen bytes are {@code ::ffff:0:0/96} (RFC 4291 section 2.5.5.2). */
    public static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static int group(byte[] b, int g) {
        return (b[2 * g] & 0xff) << 8 | (b[2 * g + 1] & 0xff);
    }

    private static WireFormatException invalid(String text, String problem) {
        return new WireFormatException(WHAT, problem + " but was \"" + OneLine.of(text) + "\"");
    }
}
