package dev.switchboard.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.internal.FakeConnection;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import dev.switchboard.servlet.internal.transport.SessionUpgradeHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Switches a {@link FakeConnection} to a session the way {@link UpgradeFilter} and the
 * container do, without either: for unit tests of the connection engine through its API.
 */
final class SessionHarness {

    /** Small limits so that back-pressure shows with a few KiB: 256-byte reads, 1 KiB queued, no timeouts. */
    static final HandlerOptions SMALL = new HandlerOptions(Duration.ZERO, Duration.ZERO, 256, 1024);

    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final HandlerOptions limits;
    private final ContainerSupport container;
    final ProtocolStatistics statistics = new ProtocolStatistics("test");

    SessionHarness(ScheduledExecutorService scheduler, LongSupplier clock, HandlerOptions limits,
            ConnectionControl control) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.limits = limits;
        this.container = new ContainerSupport() {
            @Override
            public String name() {
                return "a fake container";
            }

            @Override
            public ConnectionControl control(jakarta.servlet.http.WebConnection connection) {
                return control;
            }
        };
    }

    SessionHarness(ScheduledExecutorService scheduler, LongSupplier clock, HandlerOptions limits) {
        this(scheduler, clock, limits, ConnectionControl.PORTABLE);
    }

    SessionHarness(ScheduledExecutorService scheduler) {
        this(scheduler, System::nanoTime, SMALL);
    }

    /** The switch: a handler as the container creates it, bound to a session built by {@code factory}. */
    <S extends UpgradeSession> Switched<S> bind(Function<UpgradedConnection, S> factory) {
        return bind(factory, new byte[0]);
    }

    <S extends UpgradeSession> Switched<S> bind(Function<UpgradedConnection, S> factory, byte[] content) {
        SessionUpgradeHandler handler = new SessionUpgradeHandler();
        List<S> built = new ArrayList<>(1);
        handler.bind(new SessionSetup(c -> {
            S s = factory.apply(c);
            built.add(s);
            return s;
        }, statistics, limits, content, scheduler, clock), container);
        return new Switched<>(built.isEmpty() ? null : built.get(0), handler);
    }

    /** The switch, then the container's handover of {@code connection}. */
    <S extends UpgradeSession> S start(Function<UpgradedConnection, S> factory, FakeConnection connection) {
        Switched<S> s = bind(factory);
        s.handler().init(connection);
        return s.session();
    }

    /** The support of the fake container, as the switch hands it over. */
    ContainerSupport container() {
        return container;
    }

    /** A switched session and the handler the container holds. */
    record Switched<S>(S session, SessionUpgradeHandler handler) {
    }

    /** Records every callback, and keeps input as text. */
    static class Recorder implements UpgradeSession {
        final UpgradedConnection connection;
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder input = new StringBuilder();
        volatile Then afterInput = Then.CLOSE;
        volatile Then afterTimeout = Then.CLOSE;

        Recorder(UpgradedConnection connection) {
            this.connection = connection;
            events.add("built");
        }

        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onInput(ByteBuffer data) {
            input.append(StandardCharsets.ISO_8859_1.decode(data));
            events.add("input");
        }

        @Override
        public Then onInputClosed() {
            events.add("input closed");
            return afterInput;
        }

        @Override
        public void onWritable() {
            events.add("writable");
        }

        @Override
        public Then onTimeout(Timeout timeout) {
            events.add("timeout " + timeout);
            return afterTimeout;
        }

        @Override
        public void onClosed(Throwable cause) {
            events.add("closed " + (cause == null ? "cleanly" : cause.getClass().getSimpleName()));
        }

        long closedEvents() {
            synchronized (events) {
                return events.stream().filter(e -> e.startsWith("closed")).count();
            }
        }
    }

    /** Writes back what it reads. */
    record Echo(UpgradedConnection connection) implements UpgradeSession {
        @Override
        public void onInput(ByteBuffer data) {
            connection.write(data);
        }
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Compares byte arrays by length, then by the first difference, without printing them whole. */
    static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("bytes received").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("first differing byte").isEqualTo(-1);
    }
}
