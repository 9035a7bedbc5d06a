package dev.switchboard.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.Settings;
import dev.switchboard.websocket.handshake.HandshakeLimits;

/** The endpoint options as web.xml, the annotation and the builder see them: one set of declarations. */
class EndpointDeclarationsTest {

    @Test
    void everyAttributeOfTheAnnotationIsAnOptionOfTheSameName() {
        List<String> attributes = Arrays.stream(WebSocketPolicy.class.getDeclaredMethods()).map(Method::getName)
                .filter(n -> !n.equals("name") && !n.equals("authorizer")).toList();

        assertThat(attributes).isNotEmpty().allSatisfy(a ->
                assertThat(EndpointDeclarations.GROUP.option(a)).as(a).isPresent());
    }

    @Test
    void everyOptionKeyConstantNamesADeclaredOption() throws IllegalAccessException {
        for (var field : EndpointPolicy.class.getFields()) {
            if (field.getType() == String.class && !field.getName().equals("DEFAULT_CHALLENGE")) {
                String key = (String) field.get(null);
                assertThat(EndpointDeclarations.GROUP.option(key)).as(field.getName()).isPresent();
            }
        }
    }

    @Test
    void anEndpointsOwnBadValueIsBlamedOnItsOwnParameter() {
        WebSocketOptions options = WebSocketOptions.from(Settings.of(Map.of(
                "switchboard.websocket.endpoint.chat.maxSessions", "-1")));

        assertThatThrownBy(() -> options.policyFor("chat", b -> { }))
                .hasMessage("switchboard.websocket.endpoint.chat.maxSessions: expected an integer from 0 to 10000000"
                        + " but was \"-1\"");
    }

    @Test
    void theBuilderRefusesASessionLimitOutOfTheParametersRange() {
        assertThatThrownBy(() -> EndpointPolicy.builder().maxMessageSize(512))
                .hasMessage("switchboard.websocket.maxMessageSize: expected a size from 1024 to 1073741824 bytes"
                        + " (such as 64KiB) but was \"512\"");
        assertThatThrownBy(() -> EndpointPolicy.builder().idleTimeout(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("switchboard.websocket.idleTimeout: expected a duration");
    }

    @Test
    void handshakeLimitsGivenInCodeAreHeldToTheParametersRange() {
        assertThatThrownBy(() -> WebSocketOptions.of(new HandshakeLimits(100_000, 4), Settings.of(Map.of())))
                .hasMessage("switchboard.websocket.maxFieldLength: expected an integer from 64 to 65536"
                        + " but was \"100000\"");
    }

    @Test
    void aListOfSeparatorsAloneCountsAsAbsent() {
        EndpointPolicy p = EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.origins", " , ")));

        assertThat(p.origins().sameOrigin()).isTrue();
    }

    @Test
    void noneAllowsNoExtension() {
        EndpointPolicy p = EndpointPolicy.from(Settings.of(Map.of("switchboard.websocket.extensions", "none")));

        assertThat(p.extensions().allowed()).isEmpty();
    }
}
