package dev.switchboard.websocket.handshake;

import java.util.List;
import java.util.Locale;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.Forwarded;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.RequestHead;

/**
 * The origin a request addresses, as the client saw it: {@code https} over TLS, else
 * {@code http}, with the {@code Host}; or, when the peer is a trusted proxy, the scheme and host
 * it says the client used, from the element of {@code Forwarded} that it added (the last), else
 * from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}.
 */
final class RequestOrigin {

    private RequestOrigin() {
    }

    /** @return null when the host cannot be determined, or a trusted proxy sent a malformed {@code Forwarded} */
    static Origin of(RequestHead head, String remoteAddress, TrustedProxies trustedProxies) {
        String scheme = head.secure() ? "https" : "http";
        List<String> hosts = head.fieldLines(HttpSpec.HOST);
        String host = hosts.size() == 1 ? hosts.get(0).strip() : null;
        if (trustedProxies.trusts(remoteAddress)) {
            List<String> forwarded = head.fieldLines(HttpSpec.FORWARDED);
            if (!forwarded.isEmpty()) {
                try {
                    Forwarded.Element nearest = Forwarded.parse(forwarded).last();
                    scheme = nearest.proto().map(p -> p.toLowerCase(Locale.ROOT)).orElse(scheme);
                    host = nearest.host().orElse(host);
                } catch (FieldSyntaxException e) {
                    return null; // a trusted proxy sent nonsense: fail closed
                }
            } else {
                scheme = nearestValue(head.fieldLines(HttpSpec.X_FORWARDED_PROTO), scheme).toLowerCase(Locale.ROOT);
                host = nearestValue(head.fieldLines(HttpSpec.X_FORWARDED_HOST), host);
            }
        }
        return host == null ? null : Origin.of(scheme, host);
    }

    /**
     * The value added by the nearest proxy: the last of the comma-separated values. Hosts and
     * schemes contain neither commas nor quotes, so the last comma ends the previous value.
     */
    private static String nearestValue(List<String> lines, String fallback) {
        if (lines.isEmpty()) {
            return fallback;
        }
        String last = lines.get(lines.size() - 1);
        String value = last.substring(last.lastIndexOf(',') + 1).strip();
        return value.isEmpty() ? fallback : value;
    }
}
