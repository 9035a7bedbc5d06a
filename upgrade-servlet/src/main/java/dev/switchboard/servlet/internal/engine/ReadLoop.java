package dev.switchboard.servlet.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

import dev.switchboard.servlet.container.Transport;

/**
 * The input side of an upgraded connection: reads from the {@link Transport} and delivers to
 * a {@link Sink} while the sink lets input flow, until nothing more is there (the transport
 * calls back when there is) or the input ends. Each read takes at most the configured read
 * size, into a buffer the transport lends for the duration of one run, so that a run nested
 * in another (one connection resuming another from its callback) reads into a buffer of its
 * own. Where a short read takes all there was ({@link Transport#shortReadDrains()}), a run
 * ends after one instead of reading once more to find nothing.
 *
 * <p>Runs on the connection's serial executor only; not thread-safe.
 */
final class ReadLoop {

    /** Where input goes. */
    interface Sink {
        /** Whether input may be read now (nothing holds it, output is not backlogged, not closed). */
        boolean mayRead();

        /** Bytes read; valid during the call only. */
        void input(ByteBuffer data) throws IOException;

        /** The input has ended; called once. */
        void ended() throws IOException;
    }

    private final Transport transport;
    private final int readSize;
    private final Sink sink;
    private final boolean shortReadDrains;
    private boolean ended;

    ReadLoop(Transport transport, int readSize, Sink sink) {
        this.transport = transport;
        this.readSize = readSize;
        this.sink = sink;
        this.shortReadDrains = transport.shortReadDrains();
    }

    /** Reads and delivers until nothing is there, the sink stops input, or the input ends. */
    void run() throws IOException {
        if (ended || !sink.mayRead()) {
            return;
        }
        ByteBuffer buffer = transport.acquireReadBuffer(readSize);
        try {
            while (!ended && sink.mayRead()) {
                buffer.clear().limit(readSize);
                int n = transport.read(buffer);
                if (n < 0) {
                    end();
                    return;
                }
                if (n == 0) {
                    return; // the transport reports readable() when more arrives
                }
                boolean drained = n < readSize && shortReadDrains;
                buffer.flip();
                sink.input(buffer);
                if (drained) {
                    return; // as after a read that found nothing
                }
            }
        } finally {
            transport.releaseReadBuffer(buffer);
        }
    }

    /** The input has ended, as read or as the transport reported it: tells the sink, once. */
    void end() throws IOException {
        if (!ended) {
            ended = true;
            sink.ended();
        }
    }

    boolean ended() {
        return ended;
    }
}
