package dev.switchboard.servlet.nio;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsDriverTest {

    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aHandshakeFinishesOnceOnEachSide(String protocol) throws Exception {
        TlsPair pair = new TlsPair(dir, protocol, true).handshake(Integer.MAX_VALUE);

        assertThat(pair.client.handshakesFinished).isEqualTo(1);
        assertThat(pair.server.handshakesFinished).isEqualTo(1);
        assertThat(pair.client.session.getProtocol()).isEqualTo(protocol);
        assertThat(pair.client.driver.handshakeFinished()).isTrue();
        assertThat(pair.server.driver.handshakeFinished()).isTrue();
    }

    @Test
    void aMegabyteEachWayArrivesIntactInFullSizeRecords() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);
        byte[] up = random(1 << 20, 1);
        byte[] down = random(1 << 20, 2);

        assertThat(pair.client.driver.send(ByteBuffer.wrap(up))).isTrue();
        assertThat(pair.server.driver.send(ByteBuffer.wrap(down))).isTrue();
        pair.pump(64 * 1024);

        assertThat(Arrays.equals(pair.server.received.toByteArray(), up)).isTrue();
        assertThat(Arrays.equals(pair.client.received.toByteArray(), down)).isTrue();
    }

    @Test
    void buffersThatStartTooSmallGrowUntilEveryRecordFits() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true, 64).handshake(Integer.MAX_VALUE);
        byte[] up = random(100_000, 4);
        byte[] down = random(100_000, 5);

        pair.client.driver.send(ByteBuffer.wrap(up));
        pair.server.driver.send(ByteBuffer.wrap(down));
        pair.pump(Integer.MAX_VALUE);

        assertThat(Arrays.equals(pair.server.received.toByteArray(), up)).isTrue();
        assertThat(Arrays.equals(pair.client.received.toByteArray(), down)).isTrue();
    }

    @Test
    void bytesFedOneAtATimeCarryTheHandshakeAndTheData() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(1);
        byte[] up = random(40_000, 3);

        pair.client.driver.send(ByteBuffer.wrap(up));
        pair.pump(1);

        assertThat(pair.server.handshakesFinished).isEqualTo(1);
        assertThat(Arrays.equals(pair.server.received.toByteArray(), up)).isTrue();
    }

    @Test
    void onlyApplicationBytesReachTheClientWhenTicketsComeWithThem() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true);
        pair.server.driver.begin();
        pair.client.driver.begin();
        pair.client.driver.flush();
        TlsPair.carry(pair.client, pair.server, Integer.MAX_VALUE);
        TlsPair.carry(pair.server, pair.client, Integer.MAX_VALUE);
        TlsPair.carry(pair.client, pair.server, Integer.MAX_VALUE); // the client's Finished; the server writes tickets

        pair.server.driver.send(ByteBuffer.wrap("hello".getBytes(US_ASCII)));
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.client.received.toString(US_ASCII)).isEqualTo("hello");
    }

    @Test
    void aTls13KeyUpdateIsAnsweredAndDataGoesOnBothWays() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);
        pair.server.wrapsNeeded = 0;

        pair.client.driver.begin(); // on an established TLS 1.3 session: a key update, asking for the peer's
        pair.client.driver.flush();
        pair.client.driver.send(ByteBuffer.wrap("after".getBytes(US_ASCII)));
        pair.pump(7);
        pair.server.driver.send(ByteBuffer.wrap("answer".getBytes(US_ASCII)));
        pair.pump(7);

        assertThat(pair.server.received.toString(US_ASCII)).isEqualTo("after");
        assertThat(pair.client.received.toString(US_ASCII)).isEqualTo("answer");
        assertThat(pair.server.wrapsNeeded).as("the server's own key update").isEqualTo(1);
        assertThat(pair.server.handshakesFinished).isEqualTo(1);
    }

    @Test
    void aTls12RenegotiationFailsTheServerThatRefusesIt() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.2", true).handshake(Integer.MAX_VALUE);

        pair.client.driver.begin();
        pair.client.driver.flush();
        byte[] hello = pair.client.takeSent();

        assertThatThrownBy(() -> pair.server.driver.receive(ByteBuffer.wrap(hello)))
                .isInstanceOf(SSLException.class).hasMessageContaining("renegotiation");
        assertThat(pair.server.sent.size()).isZero();
    }

    @Test
    void aTls12RenegotiationCompletesWhereItIsAllowed() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.2", false).handshake(Integer.MAX_VALUE);

        pair.client.driver.begin();
        pair.client.driver.flush();
        pair.pump(Integer.MAX_VALUE);
        pair.client.driver.send(ByteBuffer.wrap("again".getBytes(US_ASCII)));
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.server.received.toString(US_ASCII)).isEqualTo("again");
    }

    @Test
    void closeNotifyEndsThePeersInputCleanly() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);

        pair.client.driver.send(ByteBuffer.wrap("last".getBytes(US_ASCII)));
        pair.client.driver.closeOutbound();
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.server.received.toString(US_ASCII)).isEqualTo("last");
        assertThat(pair.server.inboundClosed).isTrue();
        assertThat(pair.server.driver.endOfStream()).isTrue();
        assertThat(pair.client.driver.send(ByteBuffer.wrap("more".getBytes(US_ASCII)))).isFalse();
    }

    @Test
    void aStreamThatEndsInsideARecordIsATruncation() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);
        pair.client.driver.send(ByteBuffer.wrap("cut short".getBytes(US_ASCII)));
        byte[] record = pair.client.takeSent();

        pair.server.driver.receive(ByteBuffer.wrap(record, 0, record.length - 1));

        assertThat(pair.server.received.size()).isZero();
        assertThat(pair.server.inboundClosed).isFalse();
        assertThat(pair.server.driver.endOfStream()).isFalse();
    }

    @Test
    void aStreamThatEndsWithoutCloseNotifyIsATruncation() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);

        assertThat(pair.server.driver.endOfStream()).isFalse();
    }

    @Test
    void afterATruncationTheAnswersStillGoOut() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);

        pair.server.driver.endOfStream();
        pair.server.driver.send(ByteBuffer.wrap("late".getBytes(US_ASCII)));
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.client.received.toString(US_ASCII)).isEqualTo("late");
    }

    @Test
    void afterCloseNotifyATls13ServerMaySendItsAnswer() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);
        pair.client.driver.closeOutbound();
        pair.pump(Integer.MAX_VALUE);

        pair.server.driver.endOfStream();
        pair.server.driver.send(ByteBuffer.wrap("answer".getBytes(US_ASCII)));
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.client.received.toString(US_ASCII)).isEqualTo("answer");
    }

    @Test
    void cleartextInsteadOfAHandshakeFailsWithAnSslException() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true);
        pair.server.driver.begin();

        assertThatThrownBy(() -> pair.server.driver.receive(
                ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII))))
                .isInstanceOf(SSLException.class);
        pair.server.driver.fail();
        assertThat(pair.server.received.size()).isZero();
        assertThat(pair.server.handshakesFinished).isZero();
    }

    @Test
    void aForgedRecordAfterTheHandshakeFailsWithAnSslException() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);
        pair.client.driver.send(ByteBuffer.wrap("genuine".getBytes(US_ASCII)));
        byte[] record = pair.client.takeSent();
        record[record.length - 1] ^= 1;

        assertThatThrownBy(() -> pair.server.driver.receive(ByteBuffer.wrap(record)))
                .isInstanceOf(SSLException.class);
        assertThat(pair.server.received.size()).isZero();
    }

    @Test
    void aFailedServerSendsItsAlertAndThenNothing() throws Exception {
        TlsPair pair = new TlsPair(dir, "TLSv1.3", true).handshake(Integer.MAX_VALUE);

        pair.server.driver.fail();
        pair.pump(Integer.MAX_VALUE);

        assertThat(pair.client.inboundClosed).isTrue();
        assertThat(pair.server.driver.send(ByteBuffer.wrap("x".getBytes(US_ASCII)))).isFalse();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
