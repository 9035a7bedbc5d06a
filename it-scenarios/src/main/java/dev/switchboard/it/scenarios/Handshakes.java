package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;

/** The steps the handler scenarios share: switching a raw connection, and asking the report servlet. */
final class Handshakes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Handshakes() {
    }

    /** Opens a connection and switches it to {@code token}, asserting the exact 101. */
    static RawConnection upgraded(ServerUnderTest s, String token) throws IOException {
        RawConnection c = RawConnection.open(s.base());
        c.send(Requests.upgrade(s, "stream", token));
        ResponseHead head = c.readHead();
        assertThat(head.statusLine()).isEqualTo(s.container().statusLine(101));
        assertThat(head.values("Upgrade")).containsExactly(token);
        assertThat(head.values("Connection")).containsExactly("upgrade");
        return c;
    }

    /** Reads the {@code id=<n>} line a probing handler sends first, and returns {@code n}. */
    static int readId(RawConnection c) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = c.input();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.length() > 32) {
                throw new IOException("expected an id line but got \"" + line + "\"");
            }
            line.append((char) b);
        }
        assertThat(line.toString()).startsWith("id=");
        return Integer.parseInt(line.substring(3));
    }

    /** What the handler of connection {@code id} reported, as {@code name=value} lines. */
    static String report(ServerUnderTest s, int id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(s.base() + "report?id=" + id))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("report for connection %d", id).isEqualTo(200);
        return response.body();
    }

    /** {@code n} bytes that look random but are the same on every run. */
    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
