package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.Deployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.app.order.GateProtocol;

/**
 * Switchboard's filter and the container's own WebSocket filter in one application: a
 * Switchboard protocol for {@code websocket} must see every handshake first (to validate,
 * authorise or refuse it), and a handshake it passes on must still reach the container's
 * endpoint. Tomcat appends its WebSocket filter after the application's; Jetty prepends its
 * own, so Switchboard registers with {@code isMatchAfter=false}.
 */
public abstract class FilterOrderScenarios {

    /** The sample handshake key of RFC 6455 section 1.3, and the accept value it must give. */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    public static WebArchive war() {
        return Deployments.filterOrderApp("order");
    }

    protected abstract ServerUnderTest server();

    private String handshake(String... extraFields) {
        String[] fields = new String[4 + extraFields.length];
        fields[0] = "Upgrade: websocket";
        fields[1] = "Connection: Upgrade";
        fields[2] = "Sec-WebSocket-Key: " + KEY;
        fields[3] = "Sec-WebSocket-Version: 13";
        System.arraycopy(extraFields, 0, fields, 4, extraFields.length);
        return get(server(), "ws", fields);
    }

    @Test
    @DisplayName("Switchboard's filter sees a WebSocket handshake before the container's WebSocket filter")
    void switchboardSeesTheHandshakeFirst() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            Response r = c.send(handshake(GateProtocol.GATE + ": closed")).readResponse();
            assertThat(r.head().statusLine()).as(r.head().raw()).isEqualTo(server().container().statusLine(403));
            assertThat(r.bodyText()).isEqualTo(GateProtocol.REASON + "\n");
        }
    }

    @Test
    @DisplayName("a WebSocket handshake Switchboard passes on is completed by the container's endpoint")
    void delegatedHandshakeReachesTheContainer() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            ResponseHead head = c.send(handshake()).readHead();
            assertThat(head.statusLine()).as(head.raw()).isEqualTo(server().container().statusLine(101));
            assertThat(head.field("Sec-WebSocket-Accept")).hasValue(ACCEPT);
            c.send(maskedTextFrame("hello"));
            assertThat(c.readBytes(2)).containsExactly(0x81, 5);
            assertThat(c.readString(5)).isEqualTo("hello");
        }
    }

    /** A final, masked text frame (RFC 6455 section 5.2) of a short message. */
    private static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }
}
