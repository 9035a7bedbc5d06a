package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The fields a client could use to claim another address, scheme or certificate never cross
 * the RFC 2817 bridge into the container, which sees every bridged request come from a
 * loopback address that its valves and filters may trust (TLS-14). Deploy
 * {@code TlsDeployments.tlsApp(name, BridgeIdentityScenarios.PARAMS)}.
 */
public abstract class BridgeIdentityScenarios {

    /** The client's own address: not the loopback address 127.0.0.1 the bridge connects from. */
    static final String CLIENT = "127.0.0.7";

    /** RFC 2817 on every path, so that any resource can be asked for over the bridge. */
    public static final Map<String, String> PARAMS = Map.of("switchboard.tls.optionalUpgrade", "/*");

    /** Fields that proxies, CDNs and TLS terminators add and servers believe from a trusted address. */
    static final List<String> IDENTITY_FIELDS = List.of(
            "Forwarded: for=203.0.113.9;proto=https",
            "X-Forwarded-For: 203.0.113.9",
            "X-Forwarded-Proto: https",
            "X-Real-IP: 203.0.113.9",
            "True-Client-IP: 203.0.113.9",
            "CF-Connecting-IP: 203.0.113.9",
            "X-Client-IP: 203.0.113.9",
            "X-SSL-Client-Cert: MIIB",
            "ssl_client_cert: MIIB",
            "ssl_cipher: NULL",
            "Client-Cert: :MIIB:");

    protected abstract ServerUnderTest server();

    private static String fields() {
        return String.join("\r\n", IDENTITY_FIELDS) + "\r\n";
    }

    private static List<String> names() {
        return IDENTITY_FIELDS.stream().map(f -> f.substring(0, f.indexOf(':')).toLowerCase(Locale.ROOT))
                .toList();
    }

    private static List<String> seen(RawConnection.Response r) {
        return Arrays.asList(info(r).get("fields").split(", "));
    }

    @Test
    @DisplayName("TLS-14 a request over the bridge carrying fields that assert a client address, scheme or certificate reaches the application without them")
    void identityFieldsOverTheBridgeAreRemoved() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.openFrom(s.base(), CLIENT);
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "open/first", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            tls.send(get(s, "open/second", fields() + "Kept: yes\r\n"));
            RawConnection.Response r = tls.readResponse();
            assertThat(seen(r)).contains("kept").doesNotContainAnyElementsOf(names());
            assertThat(info(r)).containsEntry("remoteAddr", CLIENT).containsEntry("secure", "true")
                    .containsEntry("scheme", "http").containsEntry("clientCert", "(none)");
        }
    }

    @Test
    @DisplayName("TLS-14 the request that asked for the switch reaches the application over the bridge without such fields too")
    void identityFieldsOfTheUpgradeRequestAreRemoved() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.openFrom(s.base(), CLIENT);
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "open/first", UPGRADE_TLS_1_2 + fields()))) {
            RawConnection.Response r = tls.readResponse();
            assertThat(seen(r)).doesNotContainAnyElementsOf(names());
            assertThat(info(r)).containsEntry("remoteAddr", CLIENT).containsEntry("secure", "true");
        }
    }
}
