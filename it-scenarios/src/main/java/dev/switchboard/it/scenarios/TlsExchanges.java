package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.Rfc2817Client;
import dev.switchboard.testing.tls.TestKeyStore;

/** Requests and readings that the TLS scenarios share. */
final class TlsExchanges {

    private TlsExchanges() {
    }

    /** A request head for {@code relative} under the application, with extra field lines (each ending in CRLF). */
    static String request(ServerUnderTest s, String method, String relative, String fields) {
        return method + " " + s.path(relative) + " HTTP/1.1\r\nHost: " + s.host() + "\r\n" + fields + "\r\n";
    }

    static String get(ServerUnderTest s, String relative, String fields) {
        return request(s, "GET", relative, fields);
    }

    /** One request on a new connection from the default address. */
    static RawConnection.Response exchange(ServerUnderTest s, String request) throws IOException {
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send(request);
            return c.readResponse();
        }
    }

    /** One request on a new connection from {@code localAddress}, such as a trusted proxy's. */
    static RawConnection.Response exchangeFrom(ServerUnderTest s, String localAddress, String request) throws IOException {
        try (RawConnection c = RawConnection.openFrom(s.base(), localAddress)) {
            c.send(request);
            return c.readResponse();
        }
    }

    /** How often the protected test servlet has run so far. */
    static long executions(ServerUnderTest s) throws IOException {
        RawConnection.Response r = exchange(s, get(s, "executions", ""));
        assertThat(r.status()).isEqualTo(200);
        return Long.parseLong(r.bodyText().trim().substring("executions: ".length()));
    }

    /** The {@code name: value} lines of the test servlet's answer. */
    static Map<String, String> info(RawConnection.Response r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.bodyText().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return out;
    }

    /**
     * Sends {@code request} (which must ask for a TLS upgrade) on {@code c}, checks the 101,
     * and layers the JDK's TLS over the socket. The client's context is made first: the
     * server's handshake timeout runs from the 101.
     */
    static RawConnection upgrade(ServerUnderTest s, RawConnection c, String request, String... protocols)
            throws IOException {
        SSLContext client = TestKeyStore.shared().clientContext();
        c.send(request);
        ResponseHead head = c.readHead();
        assertThat(head.status()).as(head.raw()).isEqualTo(101);
        return Rfc2817Client.startTls(c, client, s.base().getHost(), s.base().getPort(), protocols);
    }

    /** The fields an upgrade to TLS/1.2 adds to a request. */
    static final String UPGRADE_TLS_1_2 = "Upgrade: TLS/1.2\r\nConnection: upgrade\r\n";
}
