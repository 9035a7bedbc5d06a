package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.echo.EchoProtocol;

/** What UpgradeFilter leaves behind when its application stops, on a real Tomcat. */
class UpgradeFilterLifecycleTest {

    @Test
    void destroyStopsTheApplicationsTimerThreadBeforeItReturns() throws Exception {
        UpgradeFilter filter = new UpgradeFilter(UpgradeOptions.builder().jmx(false).build(),
                UpgradeRegistry.standalone("/").register(new EchoProtocol()));
        try (FilterOnTomcat tomcat = FilterOnTomcat.start(filter)) {
            try (Socket echo = tomcat.upgraded("echo/1")) {
                echo.getOutputStream().write('x');
                assertThat(echo.getInputStream().read()).isEqualTo('x');
            }
            Thread timeouts = timeoutThread();

            // What the container does first when the application stops; it looks for leftover threads next.
            filter.destroy();

            assertThat(timeouts.isAlive()).as("the timer thread once destroy() has returned").isFalse();
        }
    }

    private static Thread timeoutThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("switchboard-timers ") && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no timer thread after a switch"));
    }
}
