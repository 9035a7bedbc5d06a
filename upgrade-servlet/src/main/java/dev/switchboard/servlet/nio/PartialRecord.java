package dev.switchboard.servlet.nio;

import java.nio.ByteBuffer;

/**
 * The network bytes a {@link TlsDriver} could not use yet: the start of a record whose end has
 * not arrived. Holds no buffer until a record is split between two reads, and then one, which
 * it reuses. Not thread-safe: the inbound half's alone.
 */
final class PartialRecord {

    private ByteBuffer pending;

    /**
     * What to unwrap: {@code net} itself when nothing is pending, else the pending bytes with a
     * copy of all of {@code net} after them. Consumes {@code net} in the second case.
     *
     * @param room the least a new buffer holds, the engine's packet size
     */
    ByteBuffer join(ByteBuffer net, int room) {
        if (!hasBytes()) {
            return net;
        }
        pending = ensure(pending, net.remaining(), room);
        pending.put(net).flip();
        return pending;
    }

    /** Keeps what is left of {@code in}, which {@link #join} returned, for the next read. */
    void keep(ByteBuffer in, int room) {
        if (!in.hasRemaining()) {
            if (pending != null) {
                pending.clear();
            }
        } else if (in == pending) {
            pending.compact();
        } else {
            pending = ensure(pending, in.remaining(), room);
            pending.put(in);
        }
    }

    /** Whether bytes of an incomplete record are held. */
    boolean hasBytes() {
        return pending != null && pending.position() > 0;
    }

    /** {@code buffer} (in write mode) with room for {@code more} bytes. */
    private static ByteBuffer ensure(ByteBuffer buffer, int more, int room) {
        if (buffer == null) {
            return ByteBuffer.allocate(Math.max(room, more));
        }
        if (buffer.remaining() >= more) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + Math.max(room, more));
        buffer.flip();
        return bigger.put(buffer);
    }
}
