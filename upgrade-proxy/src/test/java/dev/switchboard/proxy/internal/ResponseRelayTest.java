package dev.switchboard.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the tunnel relays a backend's answer other than 101: framing, the chunked coding and its breaks. */
class ResponseRelayTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingResponse client = new RecordingResponse();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private void relay(String answer, String method) throws IOException {
        Deadline deadline = Deadline.start(Duration.ofHours(1), scheduler, () -> { });
        BackendConnection backend = new BackendConnection("backend:80",
                new BytesTransport(answer.getBytes(StandardCharsets.ISO_8859_1), 5), deadline, 512);
        ResponseRelay.relay(backend.readHead(), backend, method, client.response());
    }

    private String body() {
        return new String(client.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("PRX-02 a chunked answer is relayed decoded, extensions and trailers dropped")
    void decodesAChunkedAnswer() throws IOException {
        relay("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n02\r\nde\r\n0\r\nT: 1\r\n\r\n", "GET");

        assertThat(body()).isEqualTo("abcde");
        assertThat(client).hasToString("200 [] length=-1");
    }

    @Test
    @DisplayName("PRX-02 a Content-Length answer is relayed with its length; equal repeated values count as one")
    void relaysALengthAnswer() throws IOException {
        relay("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello", "GET");

        assertThat(body()).isEqualTo("hello");
        assertThat(client).hasToString("200 [] length=5");
    }

    @Test
    @DisplayName("PRX-02 the answer to a HEAD has no body whatever its fields say")
    void relaysNoBodyForHead() throws IOException {
        relay("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "HEAD");

        assertThat(body()).isEmpty();
        assertThat(client).hasToString("200 [] length=0");
    }

    @Test
    @DisplayName("PRX-02 Content-Length values that differ are a 502")
    void refusesLengthsThatDiffer() {
        assertThatThrownBy(() -> relay("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "GET"))
                .isInstanceOfSatisfying(TunnelFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.kind()).isEqualTo("bad-response");
                });
    }

    @Test
    @DisplayName("PRX-02 a chunked coding broken before any content is a 502 counted as a body failure")
    void refusesAChunkedCodingBrokenAtOnce() {
        assertThatThrownBy(() -> relay("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n",
                "GET"))
                .isInstanceOfSatisfying(TunnelFailure.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.kind()).isEqualTo("bad-body");
                    assertThat(e.reason()).startsWith("Backend backend:80 failed while sending its response body: "
                            + "Invalid chunk size line: ");
                });
        assertThat(body()).isEmpty();
    }

    @Test
    @DisplayName("PRX-02 a chunked coding broken after content was sent cuts the relayed answer")
    void cutsAChunkedCodingBrokenLater() {
        assertThatThrownBy(() -> relay("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\nde\r\n"
                + "0\r\n\r\n", "GET"))
                .isInstanceOfSatisfying(ResponseCut.class, e -> assertThat(e.getMessage())
                        .startsWith("Backend backend:80 failed while sending its response body: ")
                        .endsWith("; the relayed response is cut short"));
        assertThat(body()).isEqualTo("abc");
    }
}
