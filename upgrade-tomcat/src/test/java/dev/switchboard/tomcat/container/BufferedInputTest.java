package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.tomcat.util.net.SocketBufferHandler;
import org.junit.jupiter.api.Test;

class BufferedInputTest {

    @Test
    void bytesTomcatPutBackAreTakenOutWholeAndInOrder() {
        SocketBufferHandler buffers = new SocketBufferHandler(64, 64, false);
        buffers.unReadReadBuffer(ByteBuffer.wrap("early bytes".getBytes(StandardCharsets.US_ASCII)));

        ByteBuffer taken = BufferedInput.take(buffers);

        assertThat(StandardCharsets.US_ASCII.decode(taken).toString()).isEqualTo("early bytes");
    }

    @Test
    void theReadBufferIsEmptyOnceTheBytesAreTaken() {
        SocketBufferHandler buffers = new SocketBufferHandler(64, 64, true);
        buffers.unReadReadBuffer(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        BufferedInput.take(buffers);

        assertThat(buffers.isReadBufferEmpty()).isTrue();
    }

    @Test
    void bytesLeftAfterAPartialReadAreTheOnesTaken() {
        SocketBufferHandler buffers = new SocketBufferHandler(64, 64, false);
        buffers.configureReadBufferForWrite();
        buffers.getReadBuffer().put("request\r\n\r\nafter".getBytes(StandardCharsets.US_ASCII));
        buffers.configureReadBufferForRead();
        buffers.getReadBuffer().position("request\r\n\r\n".length());

        assertThat(StandardCharsets.US_ASCII.decode(BufferedInput.take(buffers)).toString()).isEqualTo("after");
    }

    @Test
    void anEmptyReadBufferGivesNothing() {
        assertThat(BufferedInput.take(new SocketBufferHandler(64, 64, false))).isNull();
    }
}
