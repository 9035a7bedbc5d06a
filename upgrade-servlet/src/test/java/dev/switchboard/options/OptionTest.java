package dev.switchboard.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionTest {

    private static final Option<Integer> MAX = Option.size("switchboard.maxContentLength", 64 * 1024, 0,
            64 * 1024 * 1024, "Content an upgrade request may carry.");
    private static final Option<Duration> IDLE = Option.duration("switchboard.idleTimeout", Duration.ofMinutes(2),
            "Idle connections are closed.");

    @Test
    void aValueIsReadFromItsParameter() {
        assertThat(MAX.get(Parameters.of(Map.of("switchboard.maxContentLength", "1MiB")))).isEqualTo(1024 * 1024);
    }

    @Test
    void anAbsentOrBlankParameterGivesTheDefault() {
        assertThat(MAX.get(Parameters.of(Map.of()))).isEqualTo(64 * 1024);
        assertThat(MAX.get(Parameters.of(Map.of("switchboard.maxContentLength", " \t")))).isEqualTo(64 * 1024);
    }

    @Test
    void aBadValueFailsNamingTheParameterWhatItTakesAndWhatItWas() {
        assertThatThrownBy(() -> MAX.get(Parameters.of(Map.of("switchboard.maxContentLength", "65MiB"))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("switchboard.maxContentLength: expected a size from 0 to 67108864 bytes (such as 64KiB)"
                        + " but was \"65MiB\"")
                .extracting(e -> ((InvalidOptionException) e).parameter()).isEqualTo("switchboard.maxContentLength");
    }

    @Test
    void aValueGivenInCodeIsRefusedWithTheMessageOfItsParameter() {
        assertThatThrownBy(() -> MAX.check(-1))
                .hasMessage("switchboard.maxContentLength: expected a size from 0 to 67108864 bytes (such as 64KiB)"
                        + " but was \"-1\"");
    }

    @Test
    void aValueReadUnderAnotherNameIsBlamedOnThatName() {
        assertThatThrownBy(() -> IDLE.read(Parameters.of(Map.of("switchboard.echo.idleTimeout", "x")),
                "switchboard.echo.idleTimeout"))
                .hasMessage("switchboard.echo.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S"
                        + " but was \"x\"");
    }

    @Test
    void aParsersOwnMessageIsPrefixedWithTheParameter() {
        Option<String> odd = Option.of("p", OptionTypes.text(s -> {
            throw new IllegalArgumentException("not a class: " + s);
        }, java.util.List.of(), java.util.List.of()), null, "A class.");

        assertThatThrownBy(() -> odd.parse("p", "x")).hasMessage("p: not a class: x");
    }

    @Test
    void aDefaultOutOfRangeIsRefusedWhenDeclared() {
        assertThatThrownBy(() -> Option.integer("n", 0, 1, 9, "A number."))
                .hasMessage("n: expected an integer from 1 to 9 but was \"0\"");
    }

    @Test
    void theDefaultIsShownAsItsTextOrAsDeclared() {
        assertThat(MAX.defaultText()).isEqualTo("`64KiB`");
        assertThat(Option.text("k", "A key.").defaultText()).isEqualTo("(none)");
        assertThat(Option.text("k", "A key.").shownAs("the first key").defaultText()).isEqualTo("the first key");
    }

    @Test
    void anInheritedOptionShowsTheOptionItTakesItsValueFrom() {
        Option<Duration> tls = IDLE.inheritedAs("switchboard.tls.idleTimeout", "Idle TLS connections are closed.");

        assertThat(tls.defaultText()).isEqualTo("`switchboard.idleTimeout` (`2m`)");
        assertThat(tls.inherits()).contains(IDLE);
        assertThat(tls.type()).isSameAs(IDLE.type());
    }
}
