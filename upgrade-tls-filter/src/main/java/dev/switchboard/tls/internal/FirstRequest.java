package dev.switchboard.tls.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.StringJoiner;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The request that asked for the switch, written again as the first request of the bridged
 * stream, so that the response to it is the first thing sent over TLS (RFC 2817 section 3.3,
 * UPG-15). Its {@code Upgrade} field, the {@code upgrade} connection option and
 * {@code Expect} (already answered before the 101) are left out; it then passes the same
 * checks as every later request.
 */
public final class FirstRequest {

    private FirstRequest() {
    }

    /** The head of {@code request}, ending with the empty line; it has no content. */
    public static byte[] of(HttpServletRequest request) {
        StringBuilder head = new StringBuilder(512);
        head.append(request.getMethod()).append(' ').append(request.getRequestURI());
        if (request.getQueryString() != null) {
            head.append('?').append(request.getQueryString());
        }
        head.append(' ').append(HttpSpec.HTTP_1_1).append("\r\n");
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("upgrade") || lower.equals("expect")) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                if (lower.equals("connection")) {
                    value = withoutUpgrade(value);
                    if (value.isEmpty()) {
                        continue;
                    }
                }
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String withoutUpgrade(String value) {
        try {
            StringJoiner out = new StringJoiner(", ");
            for (String option : Connection.parse(value).options()) {
                if (!option.equals(HttpSpec.CONNECTION_OPTION_UPGRADE)) {
                    out.add(option);
                }
            }
            return out.toString();
        } catch (FieldSyntaxException e) {
            return ""; // already accepted by negotiation; cannot happen
        }
    }
}
