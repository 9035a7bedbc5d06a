package dev.switchboard.tomcat.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.servlet.container.ReadBuffers;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.nio.Reactor;

/**
 * The {@code tomcat-loop} transport: a cleartext NIO connection that Tomcat no longer polls
 * (its carrier answered {@code hasAsyncIO()}), served from one of the application's loops,
 * a {@link Reactor} ({@link Takeover#loop}): reads and writes straight on its
 * {@link SocketChannel}, readiness from the loop's selector, the engine told on the loop
 * thread with no hand-off per event. The loop is {@linkplain #loop() named} to sessions, so
 * that the tunnel registers its backend there too.
 *
 * <ul>
 *   <li><b>Reads</b> may happen on any thread (the engine runs them serially): first the bytes
 *       Tomcat had buffered with the request ({@link BufferedInput}), then the channel. A read
 *       that finds nothing, or fewer bytes than it had room for ({@link #shortReadDrains()}),
 *       asks the selector for read readiness; readiness that the engine's
 *       reads do not answer with a read finding nothing (it holds its input) turns that
 *       interest off until one does, so held input costs no wake-ups. On the loop thread
 *       reads go into the loop's direct buffer, elsewhere into the thread's heap one.</li>
 *   <li><b>Writes</b> go to the channel until it takes no more; then nothing is written until
 *       the selector reports it writable. Nothing is buffered here: a flush has nothing to
 *       push.</li>
 *   <li><b>Half-close</b> is the channel's.</li>
 *   <li><b>Close</b> only through Tomcat's socket wrapper (which returns its {@code NioChannel}
 *       to Tomcat's cache and has Tomcat release the carrier), on the loop thread and under
 *       the wrapper's lock: a close that comes while Tomcat still finishes the handover waits
 *       until it has, so that Tomcat finds the carrier to release.</li>
 * </ul>
 *
 * <p>The selection key and its interest set are touched on the loop thread only; other threads
 * hand their changes to it. Thread-safety otherwise as {@link Transport} states it.
 */
final class LoopTransport implements Transport, Reactor.Handler {

    /** The name of this transport. */
    static final String NAME = "tomcat-loop";

    private static final Logger LOG = Logger.getLogger(LoopTransport.class.getName());

    private final SocketWrapperBase<?> wrapper;
    private final SocketChannel channel;
    private final Lock lock;
    private final Reactor loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What Tomcat had buffered; read first. Touched by reads only, which the engine runs serially. */
    private ByteBuffer buffered;
    private volatile Events events;
    /** A write stopped short: nothing more goes until the selector reports the channel writable. */
    private volatile boolean awaitingWrite;

    // Loop thread only.
    private SelectionKey key;
    /** The readiness wanted; the key's interest set once registered. */
    private int interest;
    /** During {@link #ready}: a read on the loop thread found nothing, so read readiness stays wanted. */
    private boolean drained;

    /**
     * @param wrapper Tomcat's socket wrapper, for the close
     * @param channel the wrapper's channel, non-blocking, to read and write
     * @param lock the wrapper's lock ({@link WrapperLock})
     * @param buffered what Tomcat had read past the request, or null
     */
    LoopTransport(SocketWrapperBase<?> wrapper, SocketChannel channel, Lock lock, ByteBuffer buffered,
            Reactor loop) {
        this.wrapper = wrapper;
        this.channel = channel;
        this.lock = lock;
        this.buffered = buffered;
        this.loop = loop;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The connection's loop, one of the application's: a session's own channels registered there share its thread. */
    @Override
    public Reactor loop() {
        return loop;
    }

    /** Registers with the loop, which then reports the connection readable: its first input may be buffered. */
    @Override
    public void start(Events listener) {
        events = listener;
        if (!loop.tryExecute(this::register)) {
            close();
        }
    }

    private void register() {
        if (closed.get()) {
            return;
        }
        try {
            key = loop.register(channel, interest, this);
        } catch (ClosedChannelException e) {
            close();
            return;
        }
        events.readable();
    }

    @Override
    public boolean confinedReads() {
        return false;
    }

    @Override
    public void requestRead() {
        Events e = events;
        if (e != null && !closed.get()) {
            e.readable();
        }
    }

    /** On the loop thread the loop's direct buffer: what is read there is written to channels there. */
    @Override
    public ByteBuffer acquireReadBuffer(int capacity) {
        return ReadBuffers.acquire(loop.inLoop() ? loop : null, capacity);
    }

    @Override
    public void releaseReadBuffer(ByteBuffer buffer) {
        ReadBuffers.release(loop, buffer);
    }

    /** A channel under the loop's level-triggered selector: a short read took all there was. */
    @Override
    public boolean shortReadDrains() {
        return true;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        open();
        int asked = into.remaining();
        int n = buffered != null ? readBuffered(into) : channel.read(into);
        if (n >= 0 && n < asked) {
            // The engine reads no more until told: read readiness is wanted.
            if (loop.inLoop()) {
                drained = true;
                interested(SelectionKey.OP_READ);
            } else {
                loop.tryExecute(() -> interested(SelectionKey.OP_READ));
            }
        }
        return n;
    }

    private int readBuffered(ByteBuffer into) {
        ByteBuffer early = buffered;
        int n = Math.min(early.remaining(), into.remaining());
        into.put(into.position(), early, early.position(), n).position(into.position() + n);
        early.position(early.position() + n);
        if (!early.hasRemaining()) {
            buffered = null;
        }
        return n;
    }

    @Override
    public boolean write(ByteBuffer data) throws IOException {
        open();
        if (awaitingWrite) {
            return !data.hasRemaining();
        }
        while (data.hasRemaining()) {
            if (channel.write(data) == 0) {
                // Set before the interest: the readiness it brings clears it.
                awaitingWrite = true;
                want(SelectionKey.OP_WRITE);
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean flush() throws IOException {
        open();
        return !awaitingWrite;
    }

    @Override
    public void shutdownOutput() throws IOException {
        open();
        channel.shutdownOutput();
    }

    /** Closes through the wrapper, on the loop thread (or here, once the loop has stopped). Any thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (loop.inLoop() || !loop.tryExecute(this::closeNow)) {
            closeNow();
        }
    }

    /** Tomcat released the connection (its connector stopping, say): nothing more is done on it. */
    void released() {
        if (closed.compareAndSet(false, true)) {
            loop.tryExecute(this::cancel);
        }
    }

    /**
     * Tells the engine; read readiness stays wanted only if a read here found nothing (a read
     * that runs on another thread asks again itself), so that input the engine holds costs no
     * wake-ups.
     */
    @Override
    public void ready(SelectionKey readyKey) {
        int readyOps = readyKey.readyOps();
        Events e = events;
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            interest &= ~SelectionKey.OP_WRITE;
            awaitingWrite = false;
            e.writable();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            drained = false;
            e.readable();
            if (!drained) {
                interest &= ~SelectionKey.OP_READ;
            }
        }
        applyInterest();
    }

    /** The loop is stopping (its application is): closes through the wrapper. */
    @Override
    public void stopped() {
        closed.set(true);
        closeNow();
    }

    /** Asks the selector for {@code op} readiness, from any thread. */
    private void want(int op) {
        if (loop.inLoop()) {
            interested(op);
        } else {
            loop.tryExecute(() -> interested(op));
        }
    }

    private void interested(int op) {
        interest |= op;
        applyInterest();
    }

    /** Gives the key the interest set wanted, where that changes it. Loop thread. */
    private void applyInterest() {
        if (key != null && key.isValid() && key.interestOps() != interest) {
            key.interestOps(interest);
        }
    }

    private void closeNow() {
        cancel();
        lock.lock();
        try {
            wrapper.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing Tomcat's socket wrapper failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void cancel() {
        if (key != null) {
            key.cancel();
        }
    }

    private void open() throws IOException {
        if (closed.get()) {
            throw new IOException("connection closed");
        }
    }

    @Override
    public String toString() {
        return NAME + " (" + wrapper + ")";
    }
}
