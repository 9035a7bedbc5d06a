package dev.switchboard.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.switchboard.http.ProtocolToken;

/** The TLS versions this module negotiates, from the configured minimum up. */
final class TlsVersions {

    /** JSSE names, newest first, with their upgrade tokens. */
    private static final List<String> NAMES = List.of(TlsSpec.TLS_V1_3, TlsSpec.TLS_V1_2);
    private static final List<ProtocolToken> TOKENS = List.of(TlsSpec.TLS_1_3, TlsSpec.TLS_1_2);

    private TlsVersions() {
    }

    /**
     * @return the JSSE name, as spelled by JSSE
     * @throws IllegalArgumentException unless {@code jsseName} is TLSv1.2 or TLSv1.3
     */
    static String requireMinimum(String jsseName) {
        for (String name : NAMES) {
            if (name.equalsIgnoreCase(jsseName)) {
                return name;
            }
        }
        throw new IllegalArgumentException("expected TLSv1.2 or TLSv1.3 but was \"" + jsseName + "\"");
    }

    /** The upgrade tokens of the versions at or above {@code minimum}, newest first. */
    static List<ProtocolToken> tokensFrom(String minimum) {
        int last = NAMES.indexOf(requireMinimum(minimum));
        return TOKENS.subList(0, last + 1);
    }

    /** The JSSE names at or above {@code minimum} that {@code supported} holds, newest first. */
    static String[] enabledFrom(String minimum, Set<String> supported) {
        int last = NAMES.indexOf(requireMinimum(minimum));
        List<String> out = new ArrayList<>();
        for (String name : NAMES.subList(0, last + 1)) {
            if (supported.contains(name)) {
                out.add(name);
            }
        }
        return out.toArray(new String[0]);
    }

    /** Whether {@code token}'s version (such as {@code 1.1}) is below {@code minimum} (such as TLSv1.2). */
    static boolean below(ProtocolToken token, String minimum) {
        String min = requireMinimum(minimum).substring("TLSv".length());
        String version = token.version().orElse("0");
        return compare(version, min) < 0;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
