package dev.switchboard.servlet.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReactorTest {

    private static final String NAME = "reactor-test";

    private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
    private Reactor reactor = new Reactor(NAME, null);

    @AfterEach
    void tearDown() throws IOException {
        reactor.close();
        for (Pipe p : pipes) {
            p.sink().close();
            p.source().close();
        }
    }

    @Test
    void tasksRunOnTheLoopThreadInTheOrderTheyWereHandedOver() throws Exception {
        BlockingQueue<String> ran = new LinkedBlockingQueue<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            reactor.execute(() -> ran.add(n + " " + Thread.currentThread().getName()));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(ran.poll(10, TimeUnit.SECONDS)).isEqualTo(i + " " + NAME);
        }
    }

    @Test
    void aRegisteredChannelsHandlerIsToldWhenItIsReady() throws Exception {
        Pipe pipe = pipe();
        BlockingQueue<String> read = new LinkedBlockingQueue<>();
        reactor.register(pipe.source(), SelectionKey.OP_READ, new Recorder() {
            @Override
            public void ready(SelectionKey key) {
                ByteBuffer b = ByteBuffer.allocate(16);
                try {
                    pipe.source().read(b);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                read.add(new String(b.array(), 0, b.position()));
            }
        }, key -> { });

        pipe.sink().write(ByteBuffer.wrap("ping".getBytes()));

        assertThat(read.poll(10, TimeUnit.SECONDS)).isEqualTo("ping");
    }

    @Test
    void interestSetFromAnotherThreadTakesEffectWithoutAnotherEvent() throws Exception {
        Pipe pipe = pipe();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicReference<SelectionKey> registered = new AtomicReference<>();
        CountDownLatch hasKey = new CountDownLatch(1);
        reactor.register(pipe.source(), 0, new Recorder() {
            @Override
            public void ready(SelectionKey key) {
                key.interestOps(0);
                ready.countDown();
            }
        }, key -> {
            registered.set(key);
            hasKey.countDown();
        });
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertThat(hasKey.await(10, TimeUnit.SECONDS)).isTrue();

        reactor.interest(registered.get(), SelectionKey.OP_READ);

        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void registeringFromAnotherThreadWithoutACallbackIsRefused() throws Exception {
        Pipe pipe = pipe();

        assertThatThrownBy(() -> reactor.register(pipe.source(), SelectionKey.OP_READ, new Recorder()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeFromAnyThreadTellsEveryChannelAndClosesItBeforeItReturns() throws Exception {
        Pipe first = pipe();
        Pipe second = pipe();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        CountDownLatch both = new CountDownLatch(2);
        reactor.register(first.source(), SelectionKey.OP_READ, a, key -> both.countDown());
        reactor.register(second.source(), SelectionKey.OP_READ, b, key -> both.countDown());
        assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(reactor::close);
        closer.start();
        closer.join();

        assertThat(a.stoppedOn).containsExactly(NAME);
        assertThat(b.stoppedOn).containsExactly(NAME);
        assertThat(first.source().isOpen()).isFalse();
        assertThat(second.source().isOpen()).isFalse();
        assertThat(loopThreadAlive()).isFalse();
    }

    @Test
    void aTaskHandedOverBeforeCloseRunsAndOneAfterIsRefused() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        BlockingQueue<String> ran = new LinkedBlockingQueue<>();
        reactor.execute(() -> awaitQuietly(gate));
        reactor.execute(() -> ran.add("before"));
        Thread closer = new Thread(reactor::close);
        closer.start();
        while (!reactor.isStopped()) {
            Thread.onSpinWait();
        }
        gate.countDown();
        closer.join();

        assertThat(ran).containsExactly("before");
        assertThatThrownBy(() -> reactor.execute(() -> ran.add("after")))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aThrowingTaskDoesNotStopTheLoop() throws Exception {
        Logger log = Logger.getLogger(Reactor.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the failure is expected here, not news
        try {
            CountDownLatch after = new CountDownLatch(1);
            reactor.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            reactor.execute(after::countDown);

            assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void withAnIdleExitTheThreadEndsWithoutChannelsAndStartsAgainWithTheNextTask() throws Exception {
        reactor = new Reactor(NAME, Duration.ofMillis(20));
        CountDownLatch first = new CountDownLatch(1);
        reactor.execute(first::countDown);
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        while (loopThreadAlive()) {
            Thread.sleep(10);
        }

        CountDownLatch second = new CountDownLatch(1);
        reactor.execute(second::countDown);

        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSelectorThatFailsStopsTheLoopInsteadOfSpinning() throws Exception {
        Pipe pipe = pipe();
        reactor.register(pipe.source(), SelectionKey.OP_READ, new Recorder() {
            @Override
            public void ready(SelectionKey key) {
                try {
                    key.selector().close(); // every later select() fails
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }, key -> { });

        pipe.sink().write(ByteBuffer.wrap("x".getBytes()));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (loopThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(loopThreadAlive()).isFalse();
        assertThat(reactor.isStopped()).isTrue();
        assertThat(reactor.tryExecute(() -> { })).isFalse();
    }

    @Test
    void withoutAnIdleExitTheThreadStaysUntilClosed() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        reactor.execute(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);

        assertThat(loopThreadAlive()).isTrue();
        reactor.close();
        assertThat(loopThreadAlive()).isFalse();
    }

    @Test
    void theLoopThreadRunsWithTheContextClassLoaderItWasGiven() throws Exception {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        reactor = new Reactor(NAME, null, application);
        BlockingQueue<ClassLoader> seen = new LinkedBlockingQueue<>();

        reactor.execute(() -> seen.add(Thread.currentThread().getContextClassLoader()));

        assertThat(seen.poll(10, TimeUnit.SECONDS)).isSameAs(application);
    }

    @Test
    void onlyTheLoopThreadIsInTheLoop() throws Exception {
        BlockingQueue<Boolean> inLoop = new LinkedBlockingQueue<>();

        reactor.execute(() -> inLoop.add(reactor.inLoop()));

        assertThat(inLoop.poll(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reactor.inLoop()).isFalse();
    }

    @Test
    void aReactorThatHasStoppedSaysItTakesNoMoreTasks() {
        reactor.execute(() -> { });
        reactor.close();

        assertThat(reactor.tryExecute(() -> { })).isFalse();
    }

    @Test
    void aChannelRegisteredByATaskHandedOverBeforeTheCloseIsStoppedToo() throws Exception {
        Pipe pipe = pipe();
        Recorder handler = new Recorder();
        CountDownLatch gate = new CountDownLatch(1);
        reactor.execute(() -> awaitQuietly(gate));
        reactor.register(pipe.source(), SelectionKey.OP_READ, handler, key -> { });
        Thread closer = new Thread(reactor::close);
        closer.start();
        while (!reactor.isStopped()) {
            Thread.onSpinWait();
        }
        gate.countDown();
        closer.join();

        assertThat(handler.stoppedOn).containsExactly(NAME);
        assertThat(pipe.source().isOpen()).isFalse();
    }

    @Test
    void aHandlerThatFailsIsStoppedAndItsChannelClosedWhileTheLoopGoesOn() throws Exception {
        Logger log = Logger.getLogger(Reactor.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the failure is expected here, not news
        try {
            Pipe pipe = pipe();
            Recorder failing = new Recorder() {
                @Override
                public void ready(SelectionKey key) {
                    throw new IllegalStateException("expected by the test");
                }
            };
            reactor.register(pipe.source(), SelectionKey.OP_READ, failing, key -> { });
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            CountDownLatch after = new CountDownLatch(1);
            while (failing.stoppedOn.isEmpty()) {
                Thread.sleep(10);
            }
            reactor.execute(after::countDown);

            assertThat(failing.stoppedOn).containsExactly(NAME);
            assertThat(pipe.source().isOpen()).isFalse();
            assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void theLoopLendsOneDirectReadBufferAndANewOneToAReaderInsideAnother() throws Exception {
        CompletableFuture<List<Object>> seen = new CompletableFuture<>();
        reactor.execute(() -> {
            ByteBuffer first = reactor.acquireReadBuffer(64);
            first.put((byte) 1);
            ByteBuffer nested = reactor.acquireReadBuffer(64);
            reactor.releaseReadBuffer(nested);
            reactor.releaseReadBuffer(first);
            ByteBuffer again = reactor.acquireReadBuffer(64);
            ByteBuffer larger = reactor.acquireReadBuffer(128);
            seen.complete(List.of(first.isDirect(), nested != first, again == first, again.position(),
                    larger.capacity() >= 128 && larger != first));
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(true, true, true, 0, true);
    }

    @Test
    void theLoopsReadBufferIsLentOnTheLoopThreadOnly() {
        reactor.execute(() -> { });
        assertThatThrownBy(() -> reactor.acquireReadBuffer(64)).isInstanceOf(IllegalStateException.class);
    }

    private Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        pipes.add(p);
        return p;
    }

    private static boolean loopThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(NAME));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A handler that records on which thread it was stopped. */
    private static class Recorder implements Reactor.Handler {
        final List<String> stoppedOn = new CopyOnWriteArrayList<>();

        @Override
        public void ready(SelectionKey key) {
        }

        @Override
        public void stopped() {
            stoppedOn.add(Thread.currentThread().getName());
        }
    }
}
