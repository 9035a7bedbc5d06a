package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.UpgradeListener.Outcome;

/** What a listener of {@link UpgradeStatistics} hears, beside the counters. */
class UpgradeListenerTest {

    private final UpgradeStatistics statistics = new UpgradeStatistics("/app");
    private final List<String> heard = new ArrayList<>();
    private final UpgradeListener recorder = new UpgradeListener() {
        @Override
        public void counted(String protocol, Outcome outcome, String reason) {
            heard.add(protocol + " " + outcome + " " + reason);
        }

        @Override
        public void switched(String protocol, Duration handshake) {
            heard.add(protocol + " switched in " + handshake.toMillis() + "ms");
        }

        @Override
        public void protocolAdded(ProtocolStatistics protocol) {
            heard.add("added " + protocol.getProtocol());
        }

        @Override
        public void connectionClosed(String protocol, Duration lifetime) {
            heard.add(protocol + " lived " + lifetime.toSeconds() + "s");
        }

        @Override
        public void closedWith(String protocol, int code) {
            heard.add(protocol + " closed with " + code);
        }
    };

    @Test
    void requestOutcomesArriveWithoutAProtocolAndWithTheirLabel() {
        statistics.addListener(recorder);

        statistics.ignored("http-1.0");
        statistics.rejected("invalid-field");
        statistics.unmatched();

        assertThat(heard).containsExactly("null IGNORED http-1.0", "null REJECTED invalid-field", "null UNMATCHED null");
        assertThat(statistics.getIgnored()).isEqualTo(1);
    }

    @Test
    void protocolDecisionsArriveWithTheProtocolName() {
        ProtocolStatistics echo = statistics.forProtocol("echo/1");
        statistics.addListener(recorder);

        echo.upgraded();
        echo.declined();
        echo.skipped();
        echo.delegated();
        echo.refused("400");

        assertThat(heard).containsExactly("echo/1 SWITCHED null", "echo/1 DECLINED null", "echo/1 SKIPPED null",
                "echo/1 DELEGATED null", "echo/1 REFUSED 400");
    }

    @Test
    void aNewProtocolIsAnnouncedOnce() {
        statistics.addListener(recorder);

        statistics.forProtocol("echo/1");
        statistics.forProtocol("echo/1");

        assertThat(heard).containsExactly("added echo/1");
        assertThat(statistics.protocols()).extracting(ProtocolStatistics::getProtocol).containsExactly("echo/1");
    }

    @Test
    void durationsAndCloseCodesReachOnlyListeners() {
        ProtocolStatistics echo = statistics.forProtocol("echo/1");
        statistics.addListener(recorder);

        echo.handshakeTook(Duration.ofMillis(3));
        echo.connectionOpened();
        echo.connectionClosed(Duration.ofSeconds(42));
        echo.closedWith(1001);

        assertThat(heard).containsExactly("echo/1 switched in 3ms", "echo/1 lived 42s", "echo/1 closed with 1001");
        assertThat(echo.getActiveConnections()).isZero();
    }

    @Test
    void aFailingListenerNeitherStopsTheCountNorOtherListeners() {
        statistics.addListener(new UpgradeListener() {
            @Override
            public void counted(String protocol, Outcome outcome, String reason) {
                throw new IllegalStateException("broken listener");
            }
        });
        statistics.addListener(recorder);

        statistics.unmatched();

        assertThat(statistics.getUnmatched()).isEqualTo(1);
        assertThat(heard).containsExactly("null UNMATCHED null");
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        statistics.addListener(recorder);
        assertThat(statistics.removeListener(recorder)).isTrue();

        statistics.unmatched();

        assertThat(heard).isEmpty();
    }
}
