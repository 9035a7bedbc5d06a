package dev.switchboard.bench.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * One connection of the soak, driven by {@link SoakLoad}'s selector thread: connect, send the
 * upgrade request, read the 101, then send a message now and then and check that exactly it
 * comes back, until its lifetime ends; then close, with the close handshake for WebSocket.
 * Anything else (a refusal, a byte too many or wrong, an early close, a step that takes longer
 * than the allowed wait) is an error, reported once, after which the connection is dropped.
 * Not thread-safe: only the selector thread touches it.
 */
final class SoakConnection {

    enum State { CONNECTING, HANDSHAKE, IDLE, AWAITING_ECHO, CLOSING, DONE }

    /** The first message goes within this long of the 101. */
    private static final long FIRST_MESSAGE_WITHIN_NANOS = 1_000_000_000L;

    private final SoakKind kind;
    private final byte[] request;
    private final SoakCounters counters;
    private final Random random;
    private final long waitNanos;
    private final long sendIntervalNanos;
    private final long closeAt;
    private State state = State.CONNECTING;
    private ByteBuffer out;
    private ByteBuffer in = ByteBuffer.allocate(512);
    private byte[] expected;
    private long stepStarted;
    private long nextSendAt;
    private long switchedAt;
    private int echoes;

    /**
     * @param lifetimeNanos how long it stays open once switched
     * @param sendIntervalNanos the mean time between messages
     * @param waitNanos how long any one step (switch, echo, close) may take
     */
    SoakConnection(SoakKind kind, byte[] request, SoakCounters counters, Random random, long now, long lifetimeNanos,
            long sendIntervalNanos, long waitNanos) {
        this.kind = kind;
        this.request = request;
        this.counters = counters;
        this.random = random;
        this.waitNanos = waitNanos;
        this.sendIntervalNanos = sendIntervalNanos;
        this.closeAt = now + lifetimeNanos;
        this.stepStarted = now;
    }

    SoakKind kind() {
        return kind;
    }

    State state() {
        return state;
    }

    /** Handles what the selector reported; returns false once the connection is finished. */
    boolean onReady(SelectionKey key, long now) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        if (key.isConnectable()) {
            ch.finishConnect();
            out = ByteBuffer.wrap(request);
            state = State.HANDSHAKE;
            key.interestOps(SelectionKey.OP_WRITE);
        }
        if (key.isValid() && key.isWritable()) {
            ch.write(out);
            if (!out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
        if (key.isValid() && key.isReadable()) {
            int n = ch.read(in);
            if (n < 0) {
                return closedByServer();
            }
            return received(key, now);
        }
        return true;
    }

    /**
     * Moves on by the clock: sends the next message, starts closing at the end of the lifetime,
     * fails a step that has waited too long. Returns false once the connection is finished.
     */
    boolean onTick(SelectionKey key, long now, boolean stopping) throws IOException {
        if (state == State.IDLE && (stopping || now >= closeAt)) {
            return startClosing(key, now);
        }
        if (state == State.IDLE && now >= nextSendAt) {
            byte[] payload = new byte[16 + random.nextInt(100)];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('a' + random.nextInt(26));
            }
            expected = kind.expected(payload);
            send(key, kind.outgoing(payload, random.nextInt()));
            counters.sent(payload.length);
            state = State.AWAITING_ECHO;
            stepStarted = now;
            nextSendAt = now + sendIntervalNanos / 2 + (long) (random.nextDouble() * sendIntervalNanos);
            return true;
        }
        if (state != State.IDLE && now - stepStarted > waitNanos) {
            throw new IOException(kind + " " + state + " took longer than " + waitNanos / 1_000_000_000 + " s");
        }
        return true;
    }

    private boolean received(SelectionKey key, long now) throws IOException {
        switch (state) {
            case HANDSHAKE -> {
                String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                int end = head.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (!in.hasRemaining()) {
                        throw new IOException(kind + ": a response head longer than " + in.capacity() + " bytes");
                    }
                    return true;
                }
                if (!head.startsWith("HTTP/1.1 101 ")) {
                    throw new IOException(kind + ": expected a 101 but got " + head.lines().findFirst().orElse(""));
                }
                if (end + 4 != in.position()) {
                    throw new IOException(kind + ": bytes after the 101 before any message");
                }
                in.clear();
                state = State.IDLE;
                counters.switched(kind);
                switchedAt = now;
                // A client of echo/1 speaks first, and soon: the server closes a connection that stays silent for
                // switchboard.firstByteTimeout after the 101.
                nextSendAt = now + (long) (random.nextDouble() * FIRST_MESSAGE_WITHIN_NANOS);
                return true;
            }
            case AWAITING_ECHO -> {
                if (in.position() < expected.length) {
                    return true;
                }
                byte[] got = Arrays.copyOf(in.array(), in.position());
                if (!Arrays.equals(got, expected)) {
                    throw new IOException(kind + ": the echo differs from the message (" + got.length + " bytes for "
                            + expected.length + ")");
                }
                in.clear();
                counters.echoed(kind == SoakKind.WEBSOCKET ? expected.length - 2 : expected.length);
                echoes++;
                state = State.IDLE;
                return true;
            }
            case CLOSING -> {
                byte[] reply = SoakKind.closeReply();
                if (in.position() > reply.length
                        || !Arrays.equals(Arrays.copyOf(in.array(), in.position()), Arrays.copyOf(reply, in.position()))) {
                    throw new IOException(kind + ": expected the close frame 1000 but got "
                            + in.position() + " other bytes");
                }
                if (in.position() == reply.length) {
                    finish(key, true);
                    return false;
                }
                return true;
            }
            default -> throw new IOException(kind + ": " + in.position() + " unexpected bytes while " + state);
        }
    }

    private boolean closedByServer() throws IOException {
        throw new IOException(kind + ": the server closed the connection while " + state + ", "
                + (System.nanoTime() - switchedAt) / 1_000_000_000 + " s after the 101 and " + echoes + " echoes");
    }

    private boolean startClosing(SelectionKey key, long now) throws IOException {
        if (kind != SoakKind.WEBSOCKET) {
            finish(key, true);
            return false;
        }
        send(key, SoakKind.closeFrame(random.nextInt()));
        state = State.CLOSING;
        stepStarted = now;
        return true;
    }

    private void send(SelectionKey key, byte[] bytes) throws IOException {
        out = ByteBuffer.wrap(bytes);
        ((SocketChannel) key.channel()).write(out);
        if (out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /** Closes the socket; a switched connection counts as ended, cleanly or not. */
    void finish(SelectionKey key, boolean clean) {
        boolean wasSwitched = state != State.CONNECTING && state != State.HANDSHAKE && state != State.DONE;
        state = State.DONE;
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closed either way
        }
        if (wasSwitched) {
            counters.ended(kind, clean);
        }
    }
}
