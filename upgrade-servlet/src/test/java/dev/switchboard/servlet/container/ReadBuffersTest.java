package dev.switchboard.servlet.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The read buffers kept per thread, one of each kind. */
class ReadBuffersTest {

    @Test
    void aReleasedBufferIsTheThreadsNextOfItsKind() {
        ByteBuffer heap = ReadBuffers.acquire(64);
        ByteBuffer direct = ReadBuffers.acquireDirect(64);
        assertThat(heap.isDirect()).isFalse();
        assertThat(direct.isDirect()).isTrue();
        ReadBuffers.release(heap);
        ReadBuffers.release(direct);

        assertThat(ReadBuffers.acquireDirect(64)).isSameAs(direct);
        assertThat(ReadBuffers.acquire(64)).isSameAs(heap);
    }

    @Test
    void aBufferHeldMeanwhileIsNotHandedOutTwice() {
        ByteBuffer outer = ReadBuffers.acquireDirect(64);
        ByteBuffer nested = ReadBuffers.acquireDirect(64);
        assertThat(nested).isNotSameAs(outer);
        ReadBuffers.release(nested);
        ReadBuffers.release(outer);
    }

    @Test
    void aLargerCapacityThanTheKeptBufferGetsANewOneCleared() {
        ByteBuffer small = ReadBuffers.acquireDirect(16);
        small.put((byte) 1);
        ReadBuffers.release(small);
        ByteBuffer large = ReadBuffers.acquireDirect(32);
        assertThat(large.capacity()).isGreaterThanOrEqualTo(32);
        assertThat(large.position()).isZero();
        assertThat(large.isDirect()).isTrue();
        ReadBuffers.release(large);
    }
}
