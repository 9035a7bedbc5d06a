package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {

    @Test
    void anExactPathMatchesOnlyItself() {
        PathTemplate t = PathTemplate.parse("/ws/chat");
        assertThat(t.match("/ws/chat")).isEmpty();
        assertThat(t.match("/ws/chat/")).isNull();
        assertThat(t.match("/ws")).isNull();
    }

    @Test
    void parametersMatchOneNonEmptySegmentEach() {
        PathTemplate t = PathTemplate.parse("/rooms/{room}/users/{user}");
        assertThat(t.match("/rooms/lobby/users/ann")).isEqualTo(Map.of("room", "lobby", "user", "ann"));
        assertThat(t.match("/rooms//users/ann")).isNull();
        assertThat(t.match("/rooms/lobby/users")).isNull();
    }

    @Test
    void exactBeatsTemplateAndLiteralBeatsParameterFromTheLeft() {
        PathTemplate exact = PathTemplate.parse("/a/b");
        PathTemplate literalFirst = PathTemplate.parse("/a/{x}");
        PathTemplate parameterFirst = PathTemplate.parse("/{x}/b");
        assertThat(PathTemplate.compareSpecificity(exact, literalFirst)).isNegative();
        assertThat(PathTemplate.compareSpecificity(literalFirst, parameterFirst)).isNegative();
        assertThat(PathTemplate.compareSpecificity(parameterFirst, literalFirst)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "/a/{x", "/a/x}", "/a/pre{x}", "/{x}/{x}", "/a/{}"})
    void malformedTemplatesAreRejected(String template) {
        assertThatThrownBy(() -> PathTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class);
    }
}
