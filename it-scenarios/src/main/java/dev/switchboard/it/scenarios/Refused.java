package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * The wire check of UPG-16: a refused request, followed in the same write by more bytes (a
 * pipelined request, or bytes meant for the protocol that was asked for), gets its refusal
 * with {@code Connection: close}, and then nothing: the connection ends without an answer to
 * what followed.
 */
final class Refused {

    /** A second request pipelined behind the refused one; answered, it would be a 200. */
    static String followUp(ServerUnderTest server) {
        return Requests.get(server, "after-the-refusal");
    }

    private Refused() {
    }

    /**
     * Sends {@code request} and {@code after} in one write; asserts the status, the
     * {@code Connection: close}, the one-line {@code reason} (when not null), and that the
     * server then closes without another byte.
     *
     * @return the refusal
     */
    static RawConnection.Response andClosed(ServerUnderTest server, String request, String after, int status,
            String reason) throws IOException {
        return andClosed(server, request, after, status, reason, "close");
    }

    /** As above, with the {@code Connection} value the refusal must carry, such as {@code upgrade, close}. */
    static RawConnection.Response andClosed(ServerUnderTest server, String request, String after, int status,
            String reason, String connection) throws IOException {
        try (RawConnection c = RawConnection.open(server.base())) {
            c.send(request + after);
            RawConnection.Response r = c.readResponse();
            assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(server.container().statusLine(status));
            assertThat(r.head().values("Connection")).as("Connection of " + r.head().raw()).containsExactly(connection);
            if (reason != null) {
                assertThat(r.bodyText()).isEqualTo(reason + "\n");
            }
            assertThat(rest(c)).as("bytes after the refusal (the next request must not be answered)").isEmpty();
            return r;
        }
    }

    /**
     * Everything the server sends until it closes; a reset counts as a close. Fails when the
     * connection stays open for {@code 10 s}.
     */
    private static String rest(RawConnection c) throws IOException {
        c.timeout(Duration.ofSeconds(10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = c.input().read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after the refusal; received after it: "
                    + out.toString(StandardCharsets.ISO_8859_1), e);
        } catch (SocketException e) {
            // reset: closed
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
