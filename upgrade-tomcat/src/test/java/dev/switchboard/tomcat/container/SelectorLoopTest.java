package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorLoopTest {

    private ServerSocketChannel server;
    private SelectorLoop loop;

    /** A member that records on which thread it was told what. */
    static final class Recorder implements SelectorLoop.Member {
        final SocketChannel channel;
        final CompletableFuture<String> readyOn = new CompletableFuture<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicReference<String> stoppedOn = new AtomicReference<>();

        Recorder(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void ready(int readyOps) {
            readyOn.complete(Thread.currentThread().getName());
        }

        @Override
        public void stop() {
            stoppedOn.set(Thread.currentThread().getName());
            try {
                channel.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stopped.countDown();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = SelectorLoop.start("switchboard-tomcat-loop /test", getClass().getClassLoader());
    }

    @AfterEach
    void stop() throws IOException {
        loop.close();
        server.close();
    }

    @Test
    void readinessIsReportedOnTheLoopThread() throws Exception {
        try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel accepted = server.accept()) {
            accepted.configureBlocking(false);
            Recorder member = new Recorder(accepted);
            loop.execute(() -> loop.register(accepted, SelectionKey.OP_READ, member));
            client.write(ByteBuffer.wrap(new byte[] {1}));

            assertThat(member.readyOn.get(10, TimeUnit.SECONDS)).isEqualTo("switchboard-tomcat-loop /test");
        }
    }

    @Test
    void aCloseStopsEveryRegisteredMemberOnTheLoopThreadAndEndsIt() throws Exception {
        try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel accepted = server.accept()) {
            accepted.configureBlocking(false);
            Recorder member = new Recorder(accepted);
            CountDownLatch registered = new CountDownLatch(1);
            loop.execute(() -> {
                loop.register(accepted, SelectionKey.OP_READ, member);
                registered.countDown();
            });
            assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();

            loop.close();

            assertThat(member.stopped.getCount()).as("stopped before the close returned").isZero();
            assertThat(member.stoppedOn.get()).isEqualTo("switchboard-tomcat-loop /test");
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                    t -> t.getName().equals("switchboard-tomcat-loop /test"));
            assertThat(client.read(ByteBuffer.allocate(1))).as("the peer sees the end").isEqualTo(-1);
        }
    }

    @Test
    void aLoopThatHasStoppedTakesNoMoreTasks() {
        loop.close();

        assertThat(loop.execute(() -> { })).isFalse();
    }

    @Test
    void aChannelRegisteredAsTheLoopStopsIsStoppedToo() throws Exception {
        try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel accepted = server.accept()) {
            accepted.configureBlocking(false);
            Recorder member = new Recorder(accepted);
            CountDownLatch hold = new CountDownLatch(1);
            loop.execute(() -> {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.execute(() -> loop.register(accepted, SelectionKey.OP_READ, member));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(loop::close);
            Thread.sleep(100); // the close is waiting for the loop
            hold.countDown();
            closing.get(10, TimeUnit.SECONDS);

            assertThat(member.stopped.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
