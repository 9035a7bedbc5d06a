package dev.switchboard.servlet.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.ProtocolStatistics;
import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.internal.FakeInput;
import dev.switchboard.servlet.internal.engine.Engine;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import jakarta.servlet.http.WebConnection;

/** The write cap as a switch sets it up: from the buffer the container reports, unless the options turn it off. */
class HandoverWriteCapTest {

    private static final int BUFFER = 8192;
    private static final int MESSAGE = 20_000;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Switches a connection whose container reports {@code reported}, and has the session write one message. */
    private BufferedSocketOutput switched(HandlerOptions limits, int reported) {
        BufferedSocketOutput out = new BufferedSocketOutput(BUFFER, Integer.MAX_VALUE, Integer.MAX_VALUE);
        ConnectionControl control = new ConnectionControl() {
            @Override
            public boolean confinedReads() {
                return false;
            }

            @Override
            public void dispatchRead() {
            }

            @Override
            public void close() {
            }

            @Override
            public int writeBufferSize() {
                return reported;
            }
        };
        ContainerSupport container = new ContainerSupport() {
            @Override
            public String name() {
                return "a container with an 8 KiB write buffer";
            }

            @Override
            public ConnectionControl control(WebConnection connection) {
                return control;
            }
        };
        Handover handover = new Handover();
        handover.bind(new Engine(new SessionSetup(c -> new UpgradeSession() {
            @Override
            public void onOpen() {
                c.write(new byte[MESSAGE], 0, MESSAGE);
            }

            @Override
            public void onInput(ByteBuffer data) {
            }
        }, ProtocolStatistics.detached("test"), limits, new byte[0], scheduler)), container);
        handover.connected(new WebConnection() {
            private final FakeInput in = new FakeInput();

            @Override
            public FakeInput getInputStream() {
                return in;
            }

            @Override
            public BufferedSocketOutput getOutputStream() {
                return out;
            }

            @Override
            public void close() {
            }
        });
        return out;
    }

    @Test
    void writesStayBelowTheBufferTheContainerReports() {
        BufferedSocketOutput out = switched(HandlerOptions.DEFAULT, BUFFER);

        assertThat(out.writes()).containsExactly(BUFFER - 1, BUFFER - 1, MESSAGE - 2 * (BUFFER - 1));
        assertThat(out.sent()).hasSize(MESSAGE);
        assertThat(out.waits()).isZero();
    }

    @Test
    void capWritesFalseWritesTheMessageWhole() {
        BufferedSocketOutput out = switched(new HandlerOptions(HandlerOptions.DEFAULT.idleTimeout(),
                HandlerOptions.DEFAULT.firstByteTimeout(), HandlerOptions.DEFAULT.readBufferSize(),
                HandlerOptions.DEFAULT.maxPendingOutput(), false), BUFFER);

        assertThat(out.writes()).containsExactly(MESSAGE);
    }

    @Test
    void aContainerThatReportsNoBufferGetsWholeWrites() {
        BufferedSocketOutput out = switched(HandlerOptions.DEFAULT, 0);

        assertThat(out.writes()).containsExactly(MESSAGE);
    }
}
