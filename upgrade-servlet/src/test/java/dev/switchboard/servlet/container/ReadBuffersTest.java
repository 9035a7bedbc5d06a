package dev.switchboard.servlet.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The heap read buffer kept per thread. */
class ReadBuffersTest {

    @Test
    void aReleasedBufferIsTheThreadsNext() {
        ByteBuffer heap = ReadBuffers.acquire(64);
        assertThat(heap.isDirect()).isFalse();
        ReadBuffers.release(heap);

        assertThat(ReadBuffers.acquire(64)).isSameAs(heap);
    }

    @Test
    void aBufferHeldMeanwhileIsNotHandedOutTwice() {
        ByteBuffer outer = ReadBuffers.acquire(64);
        ByteBuffer nested = ReadBuffers.acquire(64);
        assertThat(nested).isNotSameAs(outer);
        ReadBuffers.release(nested);
        ReadBuffers.release(outer);
    }

    @Test
    void aLargerCapacityThanTheKeptBufferGetsANewOneCleared() {
        ByteBuffer small = ReadBuffers.acquire(16);
        small.put((byte) 1);
        ReadBuffers.release(small);
        ByteBuffer large = ReadBuffers.acquire(32);
        assertThat(large.capacity()).isGreaterThanOrEqualTo(32);
        assertThat(large.position()).isZero();
        ReadBuffers.release(large);
    }
}
