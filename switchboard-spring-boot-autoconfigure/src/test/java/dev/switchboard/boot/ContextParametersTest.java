package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ContextParametersTest {

    private static final SwitchboardOptions OPTIONS = SwitchboardOptions.load(ContextParametersTest.class.getClassLoader());

    private static Map<String, String> parameters(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return ContextParameters.of(environment, OPTIONS);
    }

    private static Map<String, String> fromEnvironmentVariables(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
        return ContextParameters.of(environment, OPTIONS);
    }

    @Test
    void aKebabCasePropertySetsTheCamelCaseParameter() {
        assertThat(parameters(Map.of("switchboard.tls.keystore-reload-interval", "5s")))
                .containsEntry("switchboard.tls.keystoreReloadInterval", "5s");
    }

    @Test
    void aCamelCasePropertySetsTheSameParameter() {
        assertThat(parameters(Map.of("switchboard.tls.keystoreReloadInterval", "5s")))
                .containsEntry("switchboard.tls.keystoreReloadInterval", "5s");
    }

    @Test
    void anEnvironmentVariableSetsTheSameParameter() {
        assertThat(fromEnvironmentVariables(Map.of("SWITCHBOARD_TLS_KEYSTORERELOADINTERVAL", "5s")))
                .containsEntry("switchboard.tls.keystoreReloadInterval", "5s");
    }

    @Test
    void aYamlListBecomesACommaSeparatedValue() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("switchboard.tls.protect[0]", "/secure/*");
        yaml.put("switchboard.tls.protect[1]", "/admin/*");

        assertThat(parameters(yaml)).containsEntry("switchboard.tls.protect", "/secure/*, /admin/*");
    }

    @Test
    void aCommaSeparatedListIsPassedOnItemByItem() {
        assertThat(parameters(Map.of("switchboard.protocols", "echo,websocket")))
                .containsEntry("switchboard.protocols", "echo, websocket");
    }

    @Test
    void anEndpointOptionKeepsTheEndpointNameAsWritten() {
        assertThat(parameters(Map.of("switchboard.websocket.endpoint.chat-room.require-origin", "true")))
                .containsEntry("switchboard.websocket.endpoint.chat-room.requireOrigin", "true");
    }

    @Test
    void anEndpointListOptionIsPassedOnAsAList() {
        assertThat(parameters(Map.of("switchboard.websocket.endpoint.chat.origins[0]", "https://a.example",
                "switchboard.websocket.endpoint.chat.origins[1]", "https://b.example")))
                .containsEntry("switchboard.websocket.endpoint.chat.origins", "https://a.example, https://b.example");
    }

    @Test
    void aWebSocketOptionOfTheWholeProtocolIsNotPassedOnForOneEndpoint() {
        assertThat(parameters(Map.of("switchboard.websocket.endpoint.chat.max-field-length", "1024"))).isEmpty();
    }

    @Test
    void aProtocolsOwnHandlerLimitIsPassedOn() {
        assertThat(parameters(Map.of("switchboard.echo.idle-timeout", "10s")))
                .containsEntry("switchboard.echo.idleTimeout", "10s");
    }

    @Test
    void aStarterPropertyIsNoContextParameter() {
        assertThat(parameters(Map.of("switchboard.tls.ssl-bundle", "server"))).isEmpty();
    }

    @Test
    void anUnknownNameIsNotPassedOn() {
        assertThat(parameters(Map.of("switchboard.tls.protekt", "/secure/*"))).isEmpty();
    }

    @Test
    void nothingIsSetWhenNothingIsConfigured() {
        assertThat(parameters(Map.of())).isEmpty();
    }

    @Test
    void theContextsTrustedProxiesArePassedOn() {
        assertThat(parameters(Map.of("switchboard.trusted-proxies", "10.0.0.2")))
                .containsEntry("switchboard.trustedProxies", "10.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"switchboard.tls.trusted-proxies", "switchboard.websocket.trusted-proxies",
        "switchboard.websocket.endpoint.chat.trusted-proxies"})
    void aRemovedTrustedProxiesPropertyFailsTheStartNamingTheNewOne(String property) {
        assertThatThrownBy(() -> parameters(Map.of(property, "10.0.0.2")))
                .isInstanceOf(SwitchboardConfigurationException.class)
                .hasMessageContaining(property + " is no longer read");
    }
}
