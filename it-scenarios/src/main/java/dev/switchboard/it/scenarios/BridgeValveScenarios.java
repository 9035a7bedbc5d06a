package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.SSLValve;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * TLS-14 with Tomcat's own valves configured to read fields of unusual names, which no
 * list of known fields holds: {@link #valves()} on the engine, a {@code RemoteIpValve} with
 * its default trust of loopback addresses, and an {@code SSLValve}. The bridge must remove
 * what they read, or a client would choose the address, scheme and certificate the
 * application sees. Deploy {@code TlsDeployments.tlsApp(name, BridgeIdentityScenarios.PARAMS)}
 * on an embedded Tomcat with {@link #valves()} added to its engine.
 */
public abstract class BridgeValveScenarios {

    /** The field the {@code RemoteIpValve} takes the client address from. */
    public static final String CLIENT_FIELD = "X-Edge-Client";
    /** The field the {@code RemoteIpValve} takes the scheme from. */
    public static final String SCHEME_FIELD = "X-Edge-Scheme";
    /** The field the {@code SSLValve} takes the client certificate from. */
    public static final String CERT_FIELD = "X-Edge-Certificate";

    protected abstract ServerUnderTest server();

    /** The valves of the deployment, for the engine's pipeline. */
    public static List<Valve> valves() {
        RemoteIpValve remoteIp = new RemoteIpValve();
        remoteIp.setRemoteIpHeader(CLIENT_FIELD);
        remoteIp.setProtocolHeader(SCHEME_FIELD);
        SSLValve ssl = new SSLValve();
        ssl.setSslClientCertHeader(CERT_FIELD);
        return List.of(remoteIp, ssl);
    }

    private RawConnection.Response overTheBridge(String fields) throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.openFrom(s.base(), BridgeIdentityScenarios.CLIENT);
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "open/first", UPGRADE_TLS_1_2))) {
            tls.readResponse();
            tls.send(get(s, "open/second", fields));
            return tls.readResponse();
        }
    }

    @Test
    @DisplayName("TLS-14 the field a RemoteIpValve is configured to read cannot give a bridged request another client address")
    void theValvesClientFieldIsRemoved() throws Exception {
        RawConnection.Response r = overTheBridge(CLIENT_FIELD + ": 203.0.113.9\r\n");
        assertThat(info(r)).containsEntry("remoteAddr", BridgeIdentityScenarios.CLIENT).containsEntry("secure", "true");
        assertThat(info(r).get("fields")).doesNotContain(CLIENT_FIELD.toLowerCase(Locale.ROOT));
    }

    @Test
    @DisplayName("TLS-14 the field a RemoteIpValve is configured to read the scheme from cannot make a bridged request https")
    void theValvesSchemeFieldIsRemoved() throws Exception {
        RawConnection.Response r = overTheBridge(CLIENT_FIELD + ": 203.0.113.9\r\n" + SCHEME_FIELD + ": https\r\n");
        assertThat(info(r)).containsEntry("scheme", "http").containsEntry("serverPort",
                String.valueOf(server().base().getPort()));
    }

    @Test
    @DisplayName("TLS-14 the field an SSLValve is configured to read cannot give a bridged request a client certificate")
    void theValvesCertificateFieldIsRemoved() throws Exception {
        RawConnection.Response r = overTheBridge(CERT_FIELD + ": " + pem() + "\r\n");
        assertThat(info(r)).containsEntry("clientCert", "(none)");
    }

    /** A certificate as a proxy forwards it in one field: PEM with its line breaks as spaces. */
    private static String pem() throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE----- "
                + Base64.getEncoder().encodeToString(TestKeyStore.shared().certificate().getEncoded())
                + " -----END CERTIFICATE-----";
    }
}
