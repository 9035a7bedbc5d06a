package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.echo.EchoProtocol;

/** Timeouts at the far end of what Settings accepts, on a real Tomcat. */
class HandlerTimeoutLimitTest {

    @Test
    void timeoutsTooLongToCountInNanosecondsLeaveTheConnectionWorking() throws Exception {
        // Settings accepts 9223372036854775807s; that is beyond what System.nanoTime can count.
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        UpgradeFilter filter = new UpgradeFilter(UpgradeOptions.builder().jmx(false)
                .handlerOptions(new HandlerOptions(forever, forever, 4096, 65536)).build(),
                UpgradeRegistry.standalone("/").register(new EchoProtocol()));
        try (FilterOnTomcat tomcat = FilterOnTomcat.start(filter);
                Socket echo = tomcat.upgraded("echo/1")) {
            echo.getOutputStream().write("ping".getBytes());

            assertThat(echo.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
        }
    }
}
