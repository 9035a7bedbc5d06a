package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;

/** The exchanges scenarios repeat, with the assertions every one of them owes. */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * Sends {@code request}; expects exactly this container's 101 status line, {@code Upgrade}
     * naming {@code upgrade} and {@code Connection: upgrade}; then checks that bytes sent after
     * the switch come back (the protocol must echo).
     *
     * @return the 101's head
     */
    public static ResponseHead switchAndEcho(ServerUnderTest server, String request, String upgrade)
            throws IOException {
        try (RawConnection c = RawConnection.open(server.base())) {
            c.send(request);
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo(server.container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly(upgrade);
            assertThat(head.values("Connection")).containsExactly("upgrade");
            c.send("after the switch");
            assertThat(c.readString(16)).isEqualTo("after the switch");
            return head;
        }
    }

    /** Sends {@code request} and reads the whole response, which must be neither a 101 nor a 5xx. */
    public static Response exchange(ServerUnderTest server, String request) throws IOException {
        try (RawConnection c = RawConnection.open(server.base())) {
            Response response = c.send(request).readResponse();
            assertThat(response.status()).as(response.head().raw()).isNotEqualTo(101).isLessThan(500);
            return response;
        }
    }
}
