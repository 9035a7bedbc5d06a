package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

import dev.switchboard.tomcat.buffers.ConnectionBuffers;

/** When the starter sizes the buffers of Boot's Tomcat connector, and how it refuses sizes out of range. */
class ConnectionBuffersAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardTomcatBuffersAutoConfiguration.class));

    @Test
    void byDefaultTheCustomizerIsInstalled() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void theCustomizerSetsTheConfiguredSocketBuffersOnTheConnector() {
        runner.withPropertyValues("switchboard.tomcat.connection-buffers.socket-buffer-size=4096").run(context -> {
            Connector connector = new Connector("HTTP/1.1");
            context.getBean(TomcatConnectorCustomizer.class).customize(connector);
            assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
            assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
        });
    }

    @Test
    void enabledFalseInstallsNothing() {
        runner.withPropertyValues("switchboard.tomcat.connection-buffers.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void switchboardEnabledFalseInstallsNothing() {
        runner.withPropertyValues("switchboard.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void withoutUpgradeTomcatNothingIsInstalledAndStartUpGoesOn() {
        runner.withClassLoader(new FilteredClassLoader(ConnectionBuffers.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TomcatConnectorCustomizer.class));
    }

    @Test
    void aSizeOutOfRangeFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("switchboard.tomcat.connection-buffers.websocket-buffer-size=512")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(SwitchboardConfigurationException.class)
                        .hasMessage("switchboard.tomcat.connection-buffers.websocket-buffer-size: webSocketBufferSize: "
                                + "expected a size from 1024 to 1048576 bytes but was 512"));
    }
}
