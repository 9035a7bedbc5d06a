package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JettyServerTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "jetty/12.1.14, true",
            "jetty/12.1.0, true",
            "Jetty/13.0.1, true",
            "jetty/12.0.29, false",
            "jetty/11.0.24, false",
            "Apache Tomcat/11.0.29, false",
            "Apache Tomcat/10.1.62, false",
            "jetty, false",
            "'', false"
    })
    void theAdapterServesJetty121AndLaterOnly(String serverInfo, boolean served) {
        assertThat(JettyServer.adapterServes(serverInfo)).isEqualTo(served);
    }

    @Test
    void noServerInfoIsNoJetty() {
        assertThat(JettyServer.adapterServes(null)).isFalse();
    }
}
