package dev.switchboard.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionGroupTest {

    private static final Option<Integer> MAX_SESSIONS = Option.integer("switchboard.websocket.maxSessions", 10_000, 0,
            10_000_000, "Open sessions at once.");
    private static final Option<Duration> IDLE = Option.duration("switchboard.websocket.idleTimeout",
            Duration.ofMinutes(5), "Idle sessions are closed.");
    private static final Option<Boolean> JMX = Option.bool("switchboard.jmx", true, "Register MBeans.");
    private static final OptionGroup GROUP = OptionGroup.builder("endpoint", "switchboard.websocket.")
            .add(MAX_SESSIONS, IDLE, JMX)
            .scope("switchboard.websocket.endpoint.<name>.")
            .build();

    @Test
    void keysAreNamesWithoutThePrefix() {
        assertThat(GROUP.key(MAX_SESSIONS)).isEqualTo("maxSessions");
        assertThat(GROUP.nameIn(MAX_SESSIONS, "switchboard.websocket.endpoint.chat."))
                .isEqualTo("switchboard.websocket.endpoint.chat.maxSessions");
        assertThat(GROUP.option("idleTimeout")).contains(IDLE);
    }

    @Test
    void anOptionOfAnotherGroupKeepsItsNameUnderEveryPrefix() {
        assertThat(GROUP.key(JMX)).isEqualTo("switchboard.jmx");
        assertThat(GROUP.nameIn(JMX, "x.")).isEqualTo("switchboard.jmx");
    }

    @Test
    void readingGivesTheParametersSetAndTheDefaultsOfTheRest() {
        OptionValues values = GROUP.read(Parameters.of(Map.of("switchboard.websocket.maxSessions", "5")));

        assertThat(values.get(MAX_SESSIONS)).isEqualTo(5);
        assertThat(values.isSet(MAX_SESSIONS)).isTrue();
        assertThat(values.get(IDLE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(values.isSet(IDLE)).isFalse();
    }

    @Test
    void aScopeOverridesOnlyWhatItSets() {
        Parameters p = Parameters.of(Map.of("switchboard.websocket.maxSessions", "5",
                "switchboard.websocket.idleTimeout", "1m", "switchboard.websocket.endpoint.chat.idleTimeout", "10s"));

        OptionValues values = GROUP.readInto(GROUP.read(p).toBuilder(), p, "switchboard.websocket.endpoint.chat.").build();

        assertThat(values.get(MAX_SESSIONS)).isEqualTo(5);
        assertThat(values.get(IDLE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadValueUnderAScopeIsBlamedOnTheScopedName() {
        Parameters p = Parameters.of(Map.of("switchboard.websocket.endpoint.chat.maxSessions", "-1"));

        assertThatThrownBy(() -> GROUP.readInto(OptionValues.builder(), p, "switchboard.websocket.endpoint.chat."))
                .hasMessage("switchboard.websocket.endpoint.chat.maxSessions: expected an integer from 0 to 10000000"
                        + " but was \"-1\"");
    }

    @Test
    void theBuilderRefusesWhatTheParameterRefusesWithTheSameMessage() {
        assertThatThrownBy(() -> OptionValues.builder().set(MAX_SESSIONS, -1))
                .hasMessage("switchboard.websocket.maxSessions: expected an integer from 0 to 10000000 but was \"-1\"");
    }

    @Test
    void bindingsHandEachPresentValueToItsSetterInTheGroupsOrder() {
        List<String> calls = new ArrayList<>();
        Bindings<List<String>> bindings = Bindings.<List<String>>of(GROUP)
                .bind(MAX_SESSIONS, (l, v) -> l.add("max " + v))
                .bind(IDLE, (l, v) -> l.add("idle " + v));

        bindings.apply(calls, Parameters.of(Map.of("idleTimeout", "30s", "maxSessions", "3")), "");

        assertThat(calls).containsExactly("max 3", "idle PT30S");
    }

    @Test
    void anOptionOfAnotherGroupCannotBeBound() {
        Option<Boolean> stranger = Option.bool("switchboard.other", false, "Other.");

        assertThatThrownBy(() -> Bindings.<List<String>>of(GROUP).bind(stranger, (l, v) -> { }))
                .hasMessage("switchboard.other is not an option of endpoint");
    }
}
