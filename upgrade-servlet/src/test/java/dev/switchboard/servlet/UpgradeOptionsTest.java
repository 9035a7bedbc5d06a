package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.SelectionPolicy;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

class UpgradeOptionsTest {

    private static UpgradeOptions from(String... nameValuePairs) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return UpgradeOptions.from(Settings.of(values));
    }

    @Test
    void noParametersGiveTheDefaults() {
        UpgradeOptions options = from();

        assertThat(options.protocols()).isEmpty();
        assertThat(options.invalidFieldPolicy()).isEqualTo(InvalidFieldPolicy.REJECT);
        assertThat(options.selectionPolicy()).isSameAs(SelectionPolicy.CLIENT_PREFERENCE);
        assertThat(options.advertise()).isEmpty();
        assertThat(options.limits()).isEqualTo(NegotiationLimits.DEFAULT);
        assertThat(options.maxContentLength()).isEqualTo(64 * 1024);
        assertThat(options.jmx()).isTrue();
        assertThat(options.handlerOptions()).isEqualTo(HandlerOptions.DEFAULT);
    }

    @Test
    void theDefaultsAreThoseOfTheBuilder() {
        UpgradeOptions defaults = UpgradeOptions.defaults();
        UpgradeOptions read = from();

        assertThat(read.limits()).isEqualTo(defaults.limits());
        assertThat(read.maxContentLength()).isEqualTo(defaults.maxContentLength());
        assertThat(read.handlerOptions()).isEqualTo(defaults.handlerOptions());
        assertThat(read.selectionPolicy()).isSameAs(defaults.selectionPolicy());
    }

    @Test
    void readsTheProtocolsToEnable() {
        assertThat(from(UpgradeOptions.PROTOCOLS, "echo, websocket").protocols())
                .contains(List.of("echo", "websocket"));
    }

    @Test
    void readsTheInvalidUpgradePolicy() {
        assertThat(from(UpgradeOptions.INVALID_UPGRADE, "ignore").invalidFieldPolicy())
                .isEqualTo(InvalidFieldPolicy.IGNORE);
    }

    @Test
    void readsTheServerPreferenceAsAPolicy() {
        assertThat(from(UpgradeOptions.SERVER_PREFERENCE, "echo/1, websocket").selectionPolicy())
                .hasToString("server-preference[echo/1, websocket]");
    }

    @Test
    void readsTheProtocolsToAdvertise() {
        assertThat(from(UpgradeOptions.ADVERTISE, "TLS/1.3, echo/1").advertise())
                .contains(Upgrade.parse("TLS/1.3, echo/1"));
    }

    @Test
    void readsTheNegotiationLimits() {
        assertThat(from(UpgradeOptions.MAX_UPGRADE_FIELD_LENGTH, "2048", UpgradeOptions.MAX_UPGRADE_PROTOCOLS, "4")
                .limits()).isEqualTo(new NegotiationLimits(2048, 4));
    }

    @Test
    void readsTheContentLimitAsASize() {
        assertThat(from(UpgradeOptions.MAX_CONTENT_LENGTH, "1MiB").maxContentLength()).isEqualTo(1024 * 1024);
    }

    @Test
    void readsWhetherToRegisterMBeans() {
        assertThat(from(UpgradeOptions.JMX, "false").jmx()).isFalse();
    }

    @Test
    void readsTheHandlerLimits() {
        UpgradeOptions options = from(HandlerOptions.IDLE_TIMEOUT, "5s", HandlerOptions.FIRST_BYTE_TIMEOUT, "500ms",
                HandlerOptions.READ_BUFFER_SIZE, "4KiB", HandlerOptions.MAX_PENDING_OUTPUT, "32KiB");

        assertThat(options.handlerOptions()).isEqualTo(
                new HandlerOptions(Duration.ofSeconds(5), Duration.ofMillis(500), 4096, 32768));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            switchboard.invalidUpgrade        | drop        | expected one of [reject, ignore] but was "drop"
            switchboard.serverPreference      | echo/1 x    | expected protocol tokens such as echo/1 but was "echo/1 x"
            switchboard.advertise             | /1          | expected protocol tokens such as echo/1 but was "/1"
            switchboard.maxUpgradeFieldLength | 15          | expected an integer from 16 to 65536 but was "15"
            switchboard.maxUpgradeProtocols   | 0           | expected an integer from 1 to 256 but was "0"
            switchboard.maxContentLength      | 65MiB       | expected a size from 0 to 67108864 bytes (such as 64KiB) but was "65MiB"
            switchboard.jmx                   | yes         | expected true or false but was "yes"
            switchboard.idleTimeout           | 2 minutes   | expected a duration such as 30s, 500ms, 5m or PT30S but was "2 minutes"
            switchboard.firstByteTimeout      | -1s         | expected a duration such as 30s, 500ms, 5m or PT30S but was "-1s"
            switchboard.readBufferSize        | 255         | expected a size from 256 to 1048576 bytes (such as 64KiB) but was "255"
            switchboard.maxPendingOutput      | 2GiB        | expected a size from 256 to 1073741824 bytes (such as 64KiB) but was "2GiB"
            """)
    void aBadValueFailsNamingTheParameter(String name, String value, String message) {
        assertThatThrownBy(() -> from(name, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + ": " + message);
    }

    @Test
    void aPendingOutputLimitBelowTheReadBufferFailsNamingTheParameter() {
        assertThatThrownBy(() -> from(HandlerOptions.MAX_PENDING_OUTPUT, "1KiB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.maxPendingOutput: expected a size of at least switchboard.readBufferSize "
                        + "(16384 bytes) but was \"1KiB\"");
    }

    @Test
    void aReadBufferAboveTheDefaultPendingOutputLimitFailsNamingTheParameter() {
        assertThatThrownBy(() -> from(HandlerOptions.READ_BUFFER_SIZE, "512KiB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.readBufferSize: expected a size of at most switchboard.maxPendingOutput "
                        + "(262144 bytes) but was \"512KiB\"");
    }

    @Test
    void aProtocolSpecificLimitThatConflictsFailsNamingTheProtocolsParameter() {
        Settings settings = Settings.of(Map.of("switchboard.echo.maxPendingOutput", "300"));

        assertThatThrownBy(() -> HandlerOptions.from(settings, "switchboard.echo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.echo.maxPendingOutput: expected a size of at least "
                        + "switchboard.echo.readBufferSize (16384 bytes) but was \"300\"");
    }

    @Test
    void aProtocolSpecificHandlerLimitOverridesTheSharedOne() {
        Settings settings = Settings.of(Map.of(HandlerOptions.IDLE_TIMEOUT, "5s", "switchboard.echo.idleTimeout", "7s",
                HandlerOptions.READ_BUFFER_SIZE, "1KiB"));

        HandlerOptions echo = HandlerOptions.from(settings, "switchboard.echo");

        assertThat(echo.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(echo.readBufferSize()).isEqualTo(1024);
        assertThat(echo.firstByteTimeout()).isEqualTo(HandlerOptions.DEFAULT.firstByteTimeout());
    }

    @Test
    void writesAreCappedByDefaultAndUncappedWhenTheParameterSaysFalse() {
        assertThat(HandlerOptions.DEFAULT.capWrites()).isTrue();
        assertThat(HandlerOptions.from(Settings.of(Map.of(HandlerOptions.CAP_WRITES, "false")), null).capWrites())
                .isFalse();
    }

    @Test
    void theBuilderRefusesANegativeContentLimitAsTheParameterDoes() {
        assertThatThrownBy(() -> UpgradeOptions.builder().maxContentLength(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.maxContentLength: expected a size from 0 to 67108864 bytes (such as 64KiB) "
                        + "but was \"-1\"");
    }

    @Test
    void theBuilderRefusesAContentLimitAboveTheParametersRange() {
        assertThatThrownBy(() -> UpgradeOptions.builder().maxContentLength(65 * 1024 * 1024))
                .hasMessageStartingWith("switchboard.maxContentLength: expected a size from 0 to 67108864 bytes");
    }

    @Test
    void theBuilderRefusesNegotiationLimitsOutOfTheParametersRange() {
        assertThatThrownBy(() -> UpgradeOptions.builder().limits(new NegotiationLimits(8, 16)))
                .hasMessage("switchboard.maxUpgradeFieldLength: expected an integer from 16 to 65536 but was \"8\"");
    }

    @Test
    void aServerPreferenceGivenInCodeWinsOverTheDeclaredDefault() {
        SelectionPolicy custom = SelectionPolicy.serverPreference(List.of());

        assertThat(UpgradeOptions.builder().selectionPolicy(custom).build().selectionPolicy()).isSameAs(custom);
    }

    @Test
    void anAdvertisementGivenInCodeIsReadBackAsItsUpgrade() {
        assertThat(UpgradeOptions.builder().advertise(Upgrade.parse("echo/1")).build().advertise())
                .contains(Upgrade.parse("echo/1"));
        assertThat(UpgradeOptions.builder().advertise(null).build().advertise()).isEmpty();
    }

    @Test
    void theBuilderCopiesTheProtocolList() {
        List<String> names = new ArrayList<>(List.of("echo"));
        UpgradeOptions options = UpgradeOptions.builder().protocols(names).build();
        names.add("websocket");

        assertThat(options.protocols()).contains(List.of("echo"));
    }

    @Test
    void handlerOptionsRefuseAReadBufferBelow256BytesAsTheParameterDoes() {
        assertThatThrownBy(() -> new HandlerOptions(Duration.ZERO, Duration.ZERO, 255, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.readBufferSize: expected a size from 256 to 1048576 bytes (such as 64KiB) "
                        + "but was \"255\"");
    }

    @Test
    void handlerOptionsRefuseNegativeTimeoutsAsTheParameterDoes() {
        assertThatThrownBy(() -> HandlerOptions.DEFAULT.withIdleTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S "
                        + "but was \"PT-1S\"");
    }

    @Test
    void handlerOptionsRefuseAnOutputQueueSmallerThanTheReadBuffer() {
        assertThatThrownBy(() -> new HandlerOptions(Duration.ZERO, Duration.ZERO, 4096, 1024))
                .hasMessage("expected maxPendingOutput >= readBufferSize (4096) but was 1024");
    }
}
