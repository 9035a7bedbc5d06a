package dev.switchboard.tls.internal.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * The bytes a {@link LoopbackLink} has for the container and the socket has not taken yet,
 * with the link's back-pressure rule: past {@code maxQueued} bytes the queue reports itself
 * full, once, and then, once, when a write brings it down to half. Not thread-safe: owned by
 * its link, whose calls are serialised.
 */
final class OutboundQueue {

    private final long maxQueued;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(4);
    private long queued;
    private boolean full;

    OutboundQueue(long maxQueued) {
        this.maxQueued = maxQueued;
    }

    /**
     * Writes {@code data} to {@code channel} if it may go now (nothing queued before it,
     * and a channel to write to), and queues a copy of what is left.
     *
     * @param channel the socket, or null while nothing may be written yet
     * @return whether the queue has just gone over its limit
     */
    boolean add(ByteBuffer data, SocketChannel channel) throws IOException {
        if (queue.isEmpty() && channel != null) {
            channel.write(data);
        }
        if (!data.hasRemaining()) {
            return false;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        queue.add(copy);
        queued += copy.remaining();
        if (queued > maxQueued && !full) {
            full = true;
            return true;
        }
        return false;
    }

    /**
     * Writes what {@code channel} takes of the queue.
     *
     * @return whether the queue has just come down to half its limit after having been over it
     */
    boolean writeTo(SocketChannel channel) throws IOException {
        while (!queue.isEmpty()) {
            ByteBuffer head = queue.peek();
            queued -= channel.write(head);
            if (head.hasRemaining()) {
                break;
            }
            queue.poll();
        }
        if (full && queued <= maxQueued / 2) {
            full = false;
            return true;
        }
        return false;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Drops everything queued. */
    void clear() {
        queue.clear();
        queued = 0;
    }
}
