package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.nio.Reactor;

/** How a backend link reads, and what it leaves behind when it closes. */
class BackendLinkTest {

    /** A client connection that takes nothing and is never called here: the test ends the link from its side. */
    private static final UpgradedConnection NO_CLIENT = (UpgradedConnection) Proxy.newProxyInstance(
            BackendLinkTest.class.getClassLoader(), new Class<?>[] {UpgradedConnection.class}, (proxy, method, args) -> {
                throw new AssertionError("the link called its client: " + method.getName());
            });

    @Test
    @DisplayName("PRX-04 a link that closes after its client has gone leaves no forced close scheduled, "
            + "so the scheduler holds nothing of the tunnel")
    void closingAfterTheClientCancelsTheForcedClose() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true); // as the tunnel's own scheduler
        try (Reactor loop = new Reactor("backend-link-test", null);
                ServerSocket backend = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel channel = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.getLocalPort()));
                Socket peer = backend.accept()) {
            PlainTransport transport = new PlainTransport(channel);
            transport.configureNonBlocking();
            CountDownLatch closed = new CountDownLatch(1);
            BackendLink link = new BackendLink(new LinkLoop(() -> loop), transport, NO_CLIENT, new TunnelStatistics("/t"),
                    scheduler, Duration.ofMinutes(10), 1024, 4096, closed::countDown);
            link.start();
            link.clientClosed(); // nothing queued: the backend connection closes at once

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getQueue().isEmpty());
        } finally {
            scheduler.shutdownNow();
        }
    }
    @Test
    void aShortReadFromAPlainBackendWaitsForTheSelectorInsteadOfReadingAgain() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try (Reactor loop = new Reactor("backend-link-test", null);
                ServerSocket backend = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel channel = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.getLocalPort()));
                Socket peer = backend.accept()) {
            PlainTransport plain = new PlainTransport(channel);
            plain.configureNonBlocking();
            AtomicInteger reads = new AtomicInteger();
            Transport counted = (Transport) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Transport.class}, (proxy, method, args) -> {
                        if (method.getName().equals("read")) {
                            reads.incrementAndGet();
                        }
                        return method.invoke(plain, args);
                    });
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            UpgradedConnection client = (UpgradedConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {UpgradedConnection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("write") && args.length == 1) {
                            received.add(StandardCharsets.US_ASCII.decode((ByteBuffer) args[0]).toString());
                            return true;
                        }
                        return null;
                    });
            BackendLink link = new BackendLink(new LinkLoop(() -> loop), counted, client, new TunnelStatistics("/t"),
                    scheduler, Duration.ofMinutes(10), 1024, 4096, () -> { });
            link.start();
            settled(loop); // the first read, which found nothing

            for (String message : List.of("one", "two", "three")) {
                peer.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(message);
            }
            settled(loop);
            assertThat(reads).as("one read per message after the first").hasValue(4);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Waits until the loop has run what it had. */
    private static void settled(Reactor loop) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
