package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for what the tunnel reads from a client's request before it connects: the
 * {@code Origin} of a WebSocket offer, judged by a route's origin policy, and the target of a
 * {@code CONNECT}. Without {@code JAZZER_FUZZ} each runs once per file of
 * {@code src/test/resources/dev/switchboard/proxy/TunnelRequestFuzzTestInputs/<method>/} in every
 * build; docs/fuzzing.md tells how to fuzz for real. Inputs are ISO-8859-1 text.
 */
class TunnelRequestFuzzTest {

    private static final List<AllowedOrigins> POLICIES = List.of(AllowedOrigins.SAME_ORIGIN,
            AllowedOrigins.parse("https://app.example https://*.example:* null"),
            AllowedOrigins.parse("http://[::1]:8080"));

    private static final ConnectPolicy CONNECT = ConnectPolicy.allow(List.of("backend.example:443", "[2001:db8::1]:22"));

    /** First line the request's {@code Host}, the rest its {@code Origin}; never throws, judged alike over TLS and not but for the scheme. */
    @FuzzTest
    void origin(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int lf = text.indexOf('\n');
        String host = lf < 0 ? null : text.substring(0, lf);
        String origin = lf < 0 ? text : text.substring(lf + 1);
        for (AllowedOrigins policy : POLICIES) {
            boolean allowed = policy.allows(origin, false, host) | policy.allows(origin, true, host);
            if (allowed && !origin.strip().equals("null")) {
                assertThat(origin.strip()).matches("[a-zA-Z][a-zA-Z0-9+.-]*://[\\[\\]a-zA-Z0-9:._~-]+");
            }
        }
    }

    /** A {@code CONNECT} target: parsed to a host and port that write back to themselves, or nothing. */
    @FuzzTest
    void connectTarget(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        ConnectPolicy.Target.parse(text).ifPresent(target -> {
            assertThat(target.port()).isBetween(1, 65535);
            assertThat(ConnectPolicy.Target.parse(target.toString())).contains(target);
        });
        if (CONNECT.allows(text)) {
            assertThat(ConnectPolicy.Target.parse(text)).isPresent();
        }
    }
}
