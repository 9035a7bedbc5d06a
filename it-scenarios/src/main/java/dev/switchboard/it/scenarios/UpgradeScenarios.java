package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.Requests.get;
import static dev.switchboard.it.scenarios.Requests.head;
import static dev.switchboard.it.scenarios.Requests.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.RawConnection.Response;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.app.RefuseProtocol;

/**
 * The Upgrade mechanism of RFC 9110 sections 7.6.1, 7.8 and 15.2.2, on the wire, against
 * {@code Deployments.upgradeApp(...)}: {@code echo/1} from its provider, the annotated test
 * protocols ({@code content/1}, {@code decline/1}, {@code refuse/1}, {@code http-first/1},
 * {@code case/A}) and {@code listener-echo/1} registered from a listener.
 */
public abstract class UpgradeScenarios {

    /** The server with the upgrade test application deployed with default options. */
    protected abstract ServerUnderTest server();

    // ------------------------------------------------------------------ helpers

    private void assertSwitchesAndEchoes(String request, String protocol) throws IOException {
        Exchanges.switchAndEcho(server(), request, protocol);
    }

    private Response exchange(String request) throws IOException {
        return Exchanges.exchange(server(), request);
    }

    /** Asserts an ordinary 200 from the test servlet, which saw {@code upgradeSeen} as the Upgrade field. */
    private void assertServedNormally(Response response, String upgradeSeen) {
        assertThat(response.head().statusLine()).isEqualTo(server().container().statusLine(200));
        assertThat(response.head().has("Upgrade")).as("Upgrade in response").isFalse();
        assertThat(response.bodyText()).contains("upgrade: " + upgradeSeen + "\n");
    }

    // ------------------------------------------------------------------ UPG-01 syntax

    @Test
    @DisplayName("UPG-01 several Upgrade field lines are combined in order")
    void combinesSeveralFieldLines() throws IOException {
        assertSwitchesAndEchoes(get(server(), "x", "Upgrade: foo/2", "Upgrade: echo/1", "Connection: upgrade"),
                "echo/1");
    }

    @Test
    @DisplayName("UPG-01 empty list elements and whitespace around commas are accepted")
    void acceptsEmptyElementsAndWhitespace() throws IOException {
        assertSwitchesAndEchoes(get(server(), "x", "Upgrade: , foo/2 ,,\techo/1 ,", "Connection: upgrade"),
                "echo/1");
    }

    // ------------------------------------------------------------------ UPG-02 choice

    @Test
    @DisplayName("UPG-02 the first offer that is registered and accepts wins, in the client's order")
    void firstAcceptableOfferWins() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "content/1, echo/1"));
            ResponseHead head = c.readHead();
            assertThat(head.values("Upgrade")).containsExactly("content/1");
            assertThat(c.readString(10)).isEqualTo("content=0:");
        }
        assertSwitchesAndEchoes(upgrade(server(), "x", "echo/1, content/1"), "echo/1");
    }

    @Test
    @DisplayName("UPG-02 a protocol that declines passes the request to the next offer")
    void declinedOfferFallsThroughToTheNext() throws IOException {
        assertSwitchesAndEchoes(upgrade(server(), "x", "decline/1, echo/1"), "echo/1");
    }

    @Test
    @DisplayName("UPG-02 a protocol that refuses ends negotiation with its status and a one-line reason")
    void refusalEndsNegotiation() throws IOException {
        Response r = exchange(upgrade(server(), "x", "refuse/1, echo/1"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(403));
        assertThat(r.head().field("Content-Type")).hasValue(server().container().contentType("text/plain;charset=UTF-8"));
        assertThat(r.bodyText()).isEqualTo(RefuseProtocol.REASON + "\n");
    }

    @Test
    @DisplayName("UPG-02 a protocol registered from a ServletContextListener is offered")
    void programmaticRegistrationIsOffered() throws IOException {
        assertSwitchesAndEchoes(upgrade(server(), "x", "listener-echo/1"), "listener-echo/1");
    }

    // ------------------------------------------------------------------ UPG-03 Connection

    @Test
    @DisplayName("UPG-03 without the upgrade connection option there is no switch: served normally or refused by the container")
    void requiresTheUpgradeConnectionOption() throws IOException {
        Response r = exchange(get(server(), "x", "Upgrade: echo/1", "Connection: keep-alive"));
        assertNotSwitchedWithoutTheOption(r);
    }

    @Test
    @DisplayName("UPG-03 without any Connection field there is no switch: served normally or refused by the container")
    void requiresAConnectionField() throws IOException {
        Response r = exchange(get(server(), "x", "Upgrade: echo/1"));
        assertNotSwitchedWithoutTheOption(r);
    }

    /** Served normally with the field hidden; or, where the container refuses such requests itself, its 400. */
    private void assertNotSwitchedWithoutTheOption(Response r) {
        if (server().container().refusesUpgradeWithoutConnectionOption()) {
            assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
            return;
        }
        assertServedNormally(r, "(none)");
    }

    @Test
    @DisplayName("UPG-03 the upgrade option is found case-insensitively across several Connection lines")
    void findsTheOptionAcrossLines() throws IOException {
        assertSwitchesAndEchoes(get(server(), "x", "Upgrade: echo/1", "Connection: foo",
                "Connection: bar, UPGRADE"), "echo/1");
    }

    @Test
    @DisplayName("UPG-06 a 101 to a request that also asked for keep-alive still carries the upgrade option")
    void keepAliveRequestStillGetsTheUpgradeOption() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(get(server(), "x", "Upgrade: echo/1", "Connection: keep-alive, upgrade"));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("echo/1");
            // Tomcat's connector appends "keep-alive" (and a Keep-Alive field) when the request
            // listed it, after the application is done (useKeepAliveResponseHeader, default true).
            assertThat(head.values("Connection")).containsExactly(
                    server().container().isTomcat() ? "upgrade, keep-alive" : "upgrade");
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    // ------------------------------------------------------------------ UPG-04 HTTP/1.0

    @Test
    @DisplayName("UPG-04 Upgrade in an HTTP/1.0 request is ignored and hidden from the application")
    void ignoresUpgradeInHttp10() throws IOException {
        Response r = exchange(head("GET", server().path("x"), "HTTP/1.0", server().host(),
                "Upgrade: echo/1", "Connection: upgrade"));
        assertServedNormally(r, "(none)");
        assertThat(r.bodyText()).contains("protocol: HTTP/1.0\n");
    }

    // ------------------------------------------------------------------ UPG-06 the 101

    @Test
    @DisplayName("UPG-06 a 101 names the protocols switched to in layer-ascending order")
    void namesTheStackLayerAscending() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "x", "http-first/1"));
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(head.values("Upgrade")).containsExactly("http-first/1, HTTP/1.1");
            assertThat(head.values("Connection")).containsExactly("upgrade");
        }
    }

    // ------------------------------------------------------------------ UPG-07 never unoffered

    @ParameterizedTest(name = "UPG-07 offering \"{0}\" never switches to echo/1")
    @ValueSource(strings = {"echo/2", "echo", "echo/1.0", "echo/01", "foo/1"})
    @DisplayName("UPG-07 a protocol or version the client did not offer is never chosen")
    void neverSwitchesToAnUnofferedVersion(String offer) throws IOException {
        Response r = exchange(upgrade(server(), "x", offer));
        assertServedNormally(r, offer);
    }

    // ------------------------------------------------------------------ UPG-08 100-continue

    @Test
    @DisplayName("UPG-08 with Expect: 100-continue a 100 goes out before the 101")
    void continueBeforeSwitchingProtocols() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(get(server(), "x", "Upgrade: echo/1", "Connection: upgrade", "Expect: 100-continue"));
            ResponseHead first = c.readHead();
            assertThat(first.statusLine()).isEqualTo(server().container().statusLine(100));
            ResponseHead second = c.readHead();
            assertThat(second.statusLine()).isEqualTo(server().container().statusLine(101));
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    @DisplayName("UPG-08 a client waiting for 100 before sending content gets 100, then the 101")
    void continueThenContentThenSwitch() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: content/1",
                    "Connection: upgrade", "Expect: 100-continue", "Content-Length: 5"));
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(100));
            c.send("hello");
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(c.readString(16)).isEqualTo("content=5:hello\n");
        }
    }

    // ------------------------------------------------------------------ UPG-09 content

    @Test
    @DisplayName("UPG-09 content is received whole before the switch and never handed over as protocol bytes")
    void contentIsReadWholeBeforeTheSwitch() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: content/1",
                    "Connection: upgrade", "Content-Length: 5") + "hello");
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(c.readString(16)).isEqualTo("content=5:hello\n");
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    @DisplayName("UPG-09 chunked content is received whole before the switch")
    void chunkedContentIsReadWhole() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: content/1",
                    "Connection: upgrade", "Transfer-Encoding: chunked") + "3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n");
            assertThat(c.readHead().statusLine()).isEqualTo(server().container().statusLine(101));
            assertThat(c.readString(16)).isEqualTo("content=5:hello\n");
            c.send("ping");
            assertThat(c.readString(4)).isEqualTo("ping");
        }
    }

    @Test
    @DisplayName("UPG-09 a protocol that declines content leaves the request, content intact, to the application")
    void protocolWithoutContentLeavesTheRequestIntact() throws IOException {
        Response r = exchange(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: echo/1",
                "Connection: upgrade", "Content-Length: 5") + "hello");
        assertServedNormally(r, "echo/1");
        assertThat(r.bodyText()).contains("content: 5 hello\n");
    }

    @Test
    @DisplayName("UPG-09 content over the limit gets 413 with a one-line reason, not a 101")
    void contentOverTheLimitIsRefused() throws IOException {
        Response r = exchange(head("POST", server().path("x"), "HTTP/1.1", server().host(), "Upgrade: content/1",
                "Connection: upgrade", "Content-Length: 70000") + "x".repeat(70000));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(413));
        assertThat(r.bodyText()).isEqualTo("Upgrade request content exceeds the limit of 65536 bytes\n");
    }

    // ------------------------------------------------------------------ UPG-10 426

    @Test
    @DisplayName("UPG-10 a 426 carries Upgrade with the acceptable protocols and Connection: upgrade")
    void upgradeRequiredNamesTheProtocol() throws IOException {
        Response r = exchange(get(server(), "needs-echo"));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(426));
        assertThat(r.head().values("Upgrade")).containsExactly("echo/1");
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
        assertThat(r.bodyText())
                .isEqualTo("This resource speaks echo/1 only: send Upgrade: echo/1 with Connection: upgrade\n");
    }

    @Test
    @DisplayName("UPG-10 the resource behind a 426 is reached by switching to the protocol it names")
    void upgradeRequiredResourceSwitches() throws IOException {
        assertSwitchesAndEchoes(upgrade(server(), "needs-echo", "echo/1"), "echo/1");
    }

    // ------------------------------------------------------------------ UPG-12 unknown

    @Test
    @DisplayName("UPG-12 an unknown protocol is not an error: the request is served normally")
    void unknownProtocolIsServedNormally() throws IOException {
        Response r = exchange(upgrade(server(), "x", "unknown/1"));
        assertServedNormally(r, "unknown/1");
    }

    // ------------------------------------------------------------------ UPG-13 bad syntax

    @ParameterizedTest(name = "UPG-13 Upgrade: {0}")
    @ValueSource(strings = {
        "echo/1, \"quoted\"|Invalid Upgrade field: expected token but was '\"' at offset 8",
        "echo/|Invalid Upgrade field: expected token but was end of field at offset 5",
        "/1|Invalid Upgrade field: expected token but was '/' at offset 0",
        "echo/1 echo/2|Invalid Upgrade field: expected ',' but was 'e' at offset 7",
        "echo/1/2|Invalid Upgrade field: expected ',' but was '/' at offset 6",
        "echo(1)|Invalid Upgrade field: expected ',' but was '(' at offset 4",
        ",|Invalid Upgrade field: expected at least one element but the list was empty",
    })
    @DisplayName("UPG-13 a syntactically invalid Upgrade gets 400 with a one-line reason")
    void invalidSyntaxGets400(String row) throws IOException {
        String[] parts = row.split("\\|", 2);
        Response r = exchange(upgrade(server(), "x", parts[0]));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
        assertThat(r.head().field("Content-Type")).hasValue(server().container().contentType("text/plain;charset=UTF-8"));
        assertThat(r.bodyText()).isEqualTo(parts[1] + "\n");
    }

    @Test
    @DisplayName("UPG-13 an invalid Connection field in an upgrade request gets 400 with a one-line reason")
    void invalidConnectionGets400() throws IOException {
        Response r = exchange(get(server(), "x", "Upgrade: echo/1", "Connection: upgrade, \"x\""));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(400));
        assertThat(r.bodyText()).isEqualTo("Invalid Connection field: expected token but was '\"' at offset 9\n");
    }

    @Test
    @DisplayName("UPG-13 an Upgrade field over the length limit gets 431 with a one-line reason")
    void overlongFieldGets431() throws IOException {
        String offer = "a".repeat(1100);
        Response r = exchange(upgrade(server(), "x", offer));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(431));
        assertThat(r.bodyText()).isEqualTo("Upgrade field is 1100 characters long; the limit is 1024\n");
    }

    @Test
    @DisplayName("UPG-13 an Upgrade field listing more protocols than the limit gets 431")
    void tooManyProtocolsGets431() throws IOException {
        String offer = String.join(", ", java.util.Collections.nCopies(17, "p/1"));
        Response r = exchange(upgrade(server(), "x", offer));
        assertThat(r.head().statusLine()).isEqualTo(server().container().statusLine(431));
        assertThat(r.bodyText()).isEqualTo("Upgrade field lists 17 protocols; the limit is 16\n");
    }

    // ------------------------------------------------------------------ UPG-14 case

    @Test
    @DisplayName("UPG-14 protocol names compare case-insensitively")
    void namesCompareCaseInsensitively() throws IOException {
        assertSwitchesAndEchoes(upgrade(server(), "x", "ECHO/1"), "echo/1");
        assertSwitchesAndEchoes(upgrade(server(), "x", "Case/A"), "case/A");
    }

    @Test
    @DisplayName("UPG-14 protocol versions compare exactly")
    void versionsCompareExactly() throws IOException {
        assertServedNormally(exchange(upgrade(server(), "x", "case/a")), "case/a");
    }

    // ------------------------------------------------------------------ UPG-15 first response

    @Test
    @DisplayName("UPG-15 a protocol carrying HTTP first sends the response to the request that switched")
    void firstThingSentIsTheResponse() throws IOException {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(upgrade(server(), "first", "http-first/1"));
            assertThat(c.readHead().status()).isEqualTo(101);
            String body = "response to GET " + server().path("first");
            ResponseHead response = c.readHead();
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.field("Content-Length")).hasValue(String.valueOf(body.length()));
            assertThat(c.readString(body.length())).isEqualTo(body);
        }
    }
}
