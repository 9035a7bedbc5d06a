package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ForwardedHeadersTest {

    private static final SwitchboardParameters PROTECTING = new SwitchboardParameters(
            Map.of("switchboard.tls.protect", "/secure/*"));
    private static final String TOMCAT = "Apache Tomcat/11.0.25";
    private static final String JETTY = "jetty/12.1.10";

    @Test
    void theNativeStrategyOnTomcatWithItsDefaultProxiesFailsNamingBothSettings() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native");

        assertThatThrownBy(() -> ForwardedHeaders.check(environment, PROTECTING, TOMCAT))
                .isInstanceOf(SwitchboardConfigurationException.class)
                .hasMessage("server.forward-headers-strategy=native makes Tomcat believe X-Forwarded-Proto from any "
                        + "private address (server.tomcat.remoteip.internal-proxies is not set), which defeats "
                        + "switchboard.tls.protect");
    }

    @Test
    void theNativeStrategyOnTomcatWithNamedProxiesStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native")
                .withProperty("server.tomcat.remoteip.internal-proxies", "10\\.0\\.0\\.7");

        assertThatCode(() -> ForwardedHeaders.check(environment, PROTECTING, TOMCAT)).doesNotThrowAnyException();
    }

    @Test
    void theNativeStrategyOnJettyFails() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "NATIVE");

        assertThatThrownBy(() -> ForwardedHeaders.check(environment, PROTECTING, JETTY))
                .isInstanceOf(SwitchboardConfigurationException.class)
                .hasMessageContaining("makes Jetty believe X-Forwarded-Proto from every client");
    }

    @Test
    void kubernetesSwitchesTheNativeStrategyOnAndIsNamedInTheReason() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");

        assertThatThrownBy(() -> ForwardedHeaders.check(environment, PROTECTING, TOMCAT))
                .hasMessageStartingWith("server.forward-headers-strategy=native (Boot's default on KUBERNETES)");
    }

    @Test
    void withoutProtectedResourcesAnyStrategyStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native");

        assertThatCode(() -> ForwardedHeaders.check(environment, new SwitchboardParameters(Map.of()), JETTY))
                .doesNotThrowAnyException();
    }
}
