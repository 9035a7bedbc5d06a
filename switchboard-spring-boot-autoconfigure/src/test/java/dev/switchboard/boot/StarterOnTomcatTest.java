package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import dev.switchboard.boot.app.RunningApp;
import dev.switchboard.boot.app.TestApplication;
import dev.switchboard.it.RawConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starter in a Boot application on Tomcat with Boot's metrics: the upgrades show in the application's registry. */
class StarterOnTomcatTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(List.of(TestApplication.class));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void switchToEcho() throws IOException {
        try (RawConnection c = RawConnection.open("127.0.0.1", app.port())) {
            c.send("GET /open HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
            assertThat(c.readHead().status()).isEqualTo(101);
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    void theUpgradesAreCountedInTheApplicationsMeterRegistry() throws IOException {
        switchToEcho();
        switchToEcho();

        MeterRegistry registry = app.context().getBean(MeterRegistry.class);
        assertThat(registry.get("switchboard.upgrades")
                .tags("context", "/", "protocol", "echo/1", "outcome", "switched", "reason", "none")
                .counter().count()).isEqualTo(2.0);
    }
}
