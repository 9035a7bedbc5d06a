package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerMessageBuffersTest {

    @Test
    void aWholeNumberOfKibibytesIsWrittenInKibibytes() {
        assertThat(ContainerMessageBuffers.size(8 * 1024)).isEqualTo("8 KiB");
    }

    @Test
    void aWholeNumberOfMebibytesIsWrittenInMebibytes() {
        assertThat(ContainerMessageBuffers.size(1 << 20)).isEqualTo("1 MiB");
    }

    @Test
    void anyOtherSizeIsWrittenInBytes() {
        assertThat(ContainerMessageBuffers.size(12_345)).isEqualTo("12345 bytes");
    }
}
