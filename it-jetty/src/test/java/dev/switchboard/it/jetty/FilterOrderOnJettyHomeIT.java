package dev.switchboard.it.jetty;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.ConnectorTlsScenarios;
import dev.switchboard.it.scenarios.FilterOrderScenarios;
import dev.switchboard.it.scenarios.Rfc2817ClientScenarios;

/**
 * On the stock Jetty distribution: {@link FilterOrderScenarios} with Switchboard's module, and
 * RFC 2817 at the http connector through the {@code switchboard-tls-upgrade} module
 * ({@link ConnectorTlsScenarios}, {@link Rfc2817ClientScenarios}) in the same Jetty base.
 */
class FilterOrderOnJettyHomeIT extends FilterOrderScenarios implements ConnectorTlsScenarios, Rfc2817ClientScenarios {

    @RegisterExtension
    static final JettyHome JETTY = JettyHome.deploying(() -> FilterOrderScenarios.war())
            .withConnectorTls(ConnectorTlsScenarios::deployment);

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }

    @Override
    public ServerUnderTest rfc2817() {
        return JETTY.connectorTls();
    }

    /**
     * Fails on jetty-home 12.1.12 (embedded Jetty 12.1.14 passes, see {@code ConnectorTlsOnJettyIT}):
     * over TLS 1.3 the JDK engine sends its NewSessionTicket records after the OPTIONS answer,
     * one after each response, and CUPS 2.4.2 (GnuTLS) reports a response of 0 bytes to its
     * POST and closes before the POST's answer. With TLS 1.2 only, or through a TLS-terminating
     * relay that sends its tickets with the handshake, the same ipptool passes.
     */
    @Test
    @Disabled("CUPS 2.4.2 over TLS 1.3 against jetty-home 12.1.12: 0-byte response, see the Javadoc")
    @Override
    public void ipptoolUpgradesAndGetsPrinterAttributes() {
    }
}
