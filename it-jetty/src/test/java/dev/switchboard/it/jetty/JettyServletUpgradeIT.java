package dev.switchboard.it.jetty;

import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.jetty.rawupgrade.PlainServlet;
import dev.switchboard.it.jetty.rawupgrade.UpgradeServlet;

/**
 * Jetty 12.1's own {@code HttpServletRequest.upgrade()}, without Switchboard: the behaviour
 * that {@code docs/jetty-upgrade-eof.md} reports and {@code upgrade-jetty} works around,
 * pinned so that a Jetty release that changes it fails here and the workaround and the notes
 * get revisited.
 */
class JettyServletUpgradeIT {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(JettyServletUpgradeIT::war);

    /** {@link UpgradeServlet} at {@code /up}, {@link PlainServlet} everywhere else. */
    static WebArchive war() {
        String webXml = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + servlet("up", UpgradeServlet.class, "/up") + servlet("plain", PlainServlet.class, "/")
                + "</web-app>\n";
        return ShrinkWrap.create(WebArchive.class, "raw.war")
                .addPackage(UpgradeServlet.class.getPackage())
                .setWebXML(new StringAsset(webXml));
    }

    private static String servlet(String name, Class<?> type, String pattern) {
        return "  <servlet><servlet-name>" + name + "</servlet-name><servlet-class>" + type.getName()
                + "</servlet-class></servlet>\n  <servlet-mapping><servlet-name>" + name
                + "</servlet-name><url-pattern>" + pattern + "</url-pattern></servlet-mapping>\n";
    }

    private ServerUnderTest server() {
        return JETTY.server();
    }

    @Test
    @DisplayName("Jetty's upgrade() answers with Connection: Upgrade and the client's first Upgrade token")
    void writesTheClientsFirstToken() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "up", "foo/2, echo/1"));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(head.values("Upgrade")).containsExactly("foo/2");
            assertThat(head.values("Connection")).containsExactly("Upgrade");
        }
    }

    @Test
    @DisplayName("Jetty's upgrade() hands over bytes that arrive together with the request")
    void deliversPipelinedBytes() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "up", "echo/1") + "ping");
            assertThat(c.readHead().status()).isEqualTo(101);
            assertThat(c.readString(4)).isEqualTo("ping");
            c.send("pong");
            assertThat(c.readString(4)).isEqualTo("pong");
        }
    }

    @Test
    @DisplayName("Jetty's upgrade() gives a client that waits for the 101 an input that has already ended")
    void endsTheInputOfAClientThatWaits() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "up", "echo/1"));
            assertThat(c.readHead().status()).isEqualTo(101);
            // Nothing sent yet, and the handler has read end of input already.
            assertThat(c.readString(UpgradeServlet.END_OF_INPUT.length())).isEqualTo(UpgradeServlet.END_OF_INPUT);
        }
    }

    @Test
    @DisplayName("Jetty's WebConnection.close() leaves the connection open, for HTTP requests")
    void closeLeavesTheConnectionOpen() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "up", "echo/1"));
            assertThat(c.readHead().status()).isEqualTo(101);
            assertThat(c.readString(UpgradeServlet.END_OF_INPUT.length())).isEqualTo(UpgradeServlet.END_OF_INPUT);
            // The handler has closed its WebConnection; the socket stays open (until the idle timeout).
            assertThat(c.isClosedByPeer(Duration.ofSeconds(3))).as("closed by Jetty").isFalse();
        }
    }
}
