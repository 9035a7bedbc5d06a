package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

import dev.switchboard.tomcat.tls.ConnectorTls;

/** When the starter installs RFC 2817 at Boot's Tomcat connector, and how it refuses to start when it cannot. */
class ConnectorTlsAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardConnectorTlsAutoConfiguration.class));

    @Test
    void withoutAKeyStoreNothingIsInstalled() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void aKeyStoreInstallsTheConnectorCustomizer() {
        runner.withPropertyValues("switchboard.tls.connector.keystore-file=rfc2817.p12")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void switchboardEnabledFalseInstallsNothing() {
        runner.withPropertyValues("switchboard.tls.connector.keystore-file=rfc2817.p12", "switchboard.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void aKeyStoreWithoutUpgradeTomcatFailsStartUpNamingTheProperty() {
        runner.withClassLoader(new FilteredClassLoader(ConnectorTls.class))
                .withPropertyValues("switchboard.tls.connector.keystore-file=rfc2817.p12")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(SwitchboardConfigurationException.class)
                        .hasMessage("switchboard.tls.connector.keystore-file is set, but RFC 2817 at the connector needs "
                                + "dev.switchboard.tomcat.tls.ConnectorTls, which is not on the class path"));
    }

    @Test
    void aValueConnectorTlsRefusesFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("switchboard.tls.connector.keystore-file=rfc2817.p12",
                        "switchboard.tls.connector.min-version=TLSv1.1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(SwitchboardConfigurationException.class)
                        .hasMessage("switchboard.tls.connector.min-version: expected TLSv1.2 or TLSv1.3 but was \"TLSv1.1\""));
    }
}
