package dev.switchboard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeListener.Outcome;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.UpgradeStatistics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The meters of an application's upgrade statistics, in a {@link SimpleMeterRegistry}. */
class UpgradeMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UpgradeStatistics statistics = UpgradeRegistry.standalone("/app").statistics();
    private final UpgradeMeters meters = new UpgradeMeters(registry, Tags.of("context", "/app"), statistics);

    @BeforeEach
    void bind() {
        meters.bind();
    }

    @Test
    void anOutcomeCountsUnderItsProtocolOutcomeAndReason() {
        meters.counted("echo/1", Outcome.REFUSED, "400");

        assertThat(registry.get("switchboard.upgrades")
                .tags("context", "/app", "protocol", "echo/1", "outcome", "refused", "reason", "400")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void requestOutcomesHaveTheProtocolNone() {
        meters.counted(null, Outcome.IGNORED, "http-1.0");

        assertThat(registry.get("switchboard.upgrades").tags("protocol", "none", "outcome", "ignored", "reason", "http-1.0")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void outcomesWithoutAReasonHaveTheReasonNone() {
        meters.counted("echo/1", Outcome.SWITCHED, null);

        assertThat(registry.get("switchboard.upgrades").tags("outcome", "switched", "reason", "none").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aSwitchRecordsItsHandshakeDuration() {
        meters.switched("echo/1", Duration.ofMillis(7));

        var timer = registry.get("switchboard.upgrade.duration").tags("protocol", "echo/1").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
    }

    @Test
    void aProtocolsConnectionsBytesAndLifetimesAreMeteredThroughTheStatistics() {
        ProtocolStatistics echo = statistics.forProtocol("echo/1");
        echo.connectionOpened();
        echo.received(5);
        echo.sent(9);

        assertThat(registry.get("switchboard.connections.active").tags("protocol", "echo/1").gauge().value()).isEqualTo(1);
        assertThat(registry.get("switchboard.bytes.received").tags("protocol", "echo/1").functionCounter().count())
                .isEqualTo(5);
        assertThat(registry.get("switchboard.bytes.sent").tags("protocol", "echo/1").functionCounter().count())
                .isEqualTo(9);

        echo.connectionClosed(Duration.ofSeconds(3));

        assertThat(registry.get("switchboard.connections.active").tags("protocol", "echo/1").gauge().value()).isZero();
        assertThat(registry.get("switchboard.connection.duration").tags("protocol", "echo/1").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void closeCodesCountByCode() {
        statistics.forProtocol("websocket").closedWith(1001);

        assertThat(registry.get("switchboard.closes").tags("protocol", "websocket", "code", "1001").counter().count())
                .isEqualTo(1);
    }

    @Test
    void countsMadeBeforeBindingAreIncluded() {
        SimpleMeterRegistry later = new SimpleMeterRegistry();
        UpgradeStatistics before = UpgradeRegistry.standalone("/before").statistics();
        before.forProtocol("echo/1").closedWith(1000); // heard by nobody: only counters are kept
        before.forProtocol("echo/1").received(3);

        new UpgradeMeters(later, Tags.empty(), before).bind();

        assertThat(later.get("switchboard.bytes.received").functionCounter().count()).isEqualTo(3);
        assertThat(later.get("switchboard.upgrades").tags("protocol", "echo/1", "outcome", "switched").counter().count())
                .isZero();
    }

    @Test
    void anUnboundBinderHearsNothingMore() {
        meters.unbind();

        statistics.forProtocol("websocket").closedWith(1001);

        assertThat(registry.find("switchboard.closes").counter()).isNull();
    }
}
