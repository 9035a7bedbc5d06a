package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WebSocketFrames;
import dev.switchboard.testing.WebSocketRequest;

/**
 * permessage-deflate negotiation on the wire (RFC 7692, PMD-01..PMD-04) and the extension
 * rules of RFC 6455 (WS-10): the exact {@code Sec-WebSocket-Extensions} of the 101, as the
 * container writes it ({@code name;param;param=value}), for offers sent in one or several
 * field lines. Deploy {@code WebSocketDeployments.app(...)}.
 */
public abstract class PermessageDeflateScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    /** The 101's extension lines for {@code offers}, one offer field line each. */
    private List<String> negotiate(String path, String... offers) throws Exception {
        WebSocketRequest request = WebSocketRequest.to(server(), path);
        for (String offer : offers) {
            request.field("Sec-WebSocket-Extensions", offer);
        }
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(request.text());
            ResponseHead head = c.readHead();
            assertThat(head.statusLine()).isEqualTo(server().container().statusLine(101));
            return head.values("Sec-WebSocket-Extensions");
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PMD-01 of several offers the first acceptable one is answered, once")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void firstAcceptableOffer(String path) throws Exception {
        assertThat(negotiate(path, "permessage-deflate; foo=1, permessage-deflate; client_no_context_takeover, "
                + "permessage-deflate")).containsExactly("permessage-deflate;client_no_context_takeover");
    }

    @Test
    @DisplayName("PMD-01 after agreeing on permessage-deflate the server's messages are compressed (RSV1) and inflate to the echo")
    void messagesAreCompressed() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(WebSocketRequest.to(server(), "p/echo").field("Sec-WebSocket-Extensions", "permessage-deflate").text());
            assertThat(c.readHead().values("Sec-WebSocket-Extensions")).containsExactly("permessage-deflate");
            String text = "compress me, compress me, compress me, compress me";
            c.send(WebSocketFrames.text(text));
            WebSocketFrames.Frame echo = WebSocketFrames.read(c.input());
            assertThat(echo.rsv1()).as("RSV1 marks a compressed message").isTrue();
            assertThat(echo.payload().length).isLessThan(text.length());
            assertThat(echo.text()).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PMD-02 an offer with an unknown or repeated parameter or invalid window bits is declined whole")
    @CsvSource(delimiter = '|', value = {
        "PMD-02 an offer with an unknown parameter is declined whole            | permessage-deflate; client_no_context_takeover; foo",
        "PMD-02 an offer with a duplicated parameter is declined whole          | permessage-deflate; client_no_context_takeover; client_no_context_takeover",
        "PMD-02 an offer with server_max_window_bits=16 is declined             | permessage-deflate; server_max_window_bits=16",
        "PMD-02 an offer with client_max_window_bits=7 is declined              | permessage-deflate; client_max_window_bits=7",
        "PMD-02 an offer with a value on server_no_context_takeover is declined | permessage-deflate; server_no_context_takeover=1",
        "PMD-02 an offer with window bits 09 is declined                        | permessage-deflate; client_max_window_bits=09",
    })
    void declinedOffers(String name, String offer) throws Exception {
        assertThat(negotiate("p/echo", offer)).isEmpty();
    }

    @Test
    @DisplayName("PMD-03 server_max_window_bits=10 is declined: Java deflates with a 15-bit window only")
    void serverWindowBelow15() throws Exception {
        assertThat(negotiate("p/echo", "permessage-deflate; server_max_window_bits=10")).isEmpty();
    }

    @Test
    @DisplayName("PMD-02 a declined offer falls back to the next offer, in the next field line")
    void fallbackAcrossLines() throws Exception {
        assertThat(negotiate("p/echo", "permessage-deflate; server_max_window_bits=16",
                "permessage-deflate; server_no_context_takeover")).containsExactly("permessage-deflate;server_no_context_takeover");
    }

    @Test
    @DisplayName("PMD-03 client_max_window_bits is not in the response when the client did not offer it")
    void clientWindowNotOffered() throws Exception {
        assertThat(negotiate("p/winbits", "permessage-deflate")).containsExactly("permessage-deflate");
    }

    @Test
    @DisplayName("PMD-03 client_max_window_bits offered without a value gets the server's 10, or no window bits at all")
    void clientWindowOffered() throws Exception {
        assertThat(negotiate("p/winbits", "permessage-deflate; client_max_window_bits"))
                .containsExactly(windowBits("permessage-deflate;client_max_window_bits=10"));
    }

    @Test
    @DisplayName("PMD-03 client_max_window_bits=9 offered is answered with 9 or not at all, never more than offered")
    void clientWindowNeverLarger() throws Exception {
        assertThat(negotiate("p/winbits", "permessage-deflate; client_max_window_bits=9"))
                .containsExactly(windowBits("permessage-deflate;client_max_window_bits=9"));
    }

    @Test
    @DisplayName("PMD-03 server_max_window_bits=15 is accepted, echoed or left at its default, never larger than offered")
    void serverWindow15() throws Exception {
        assertThat(negotiate("p/echo", "permessage-deflate; server_max_window_bits=15"))
                .containsExactly(windowBits("permessage-deflate;server_max_window_bits=15"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("PMD-04 an endpoint can require no context takeover on both sides, added to a bare offer")
    @ValueSource(strings = {"p/notakeover", "a/notakeover"})
    void noContextTakeoverRequired(String path) throws Exception {
        assertThat(negotiate(path, "permessage-deflate"))
                .containsExactly(server().container().deflateWithoutContextTakeover());
    }

    @Test
    @DisplayName("PMD-04 with no context takeover required, every message is compressed on its own")
    void noContextTakeoverMessagesInflateAlone() throws Exception {
        try (RawConnection c = RawConnection.open(server().base())) {
            c.send(WebSocketRequest.to(server(), "p/notakeover").field("Sec-WebSocket-Extensions", "permessage-deflate")
                    .text());
            assertThat(c.readHead().status()).isEqualTo(101);
            for (int i = 0; i < 2; i++) {
                c.send(WebSocketFrames.text("same text, same text, same text"));
                // Each frame inflates with a fresh inflater: no window is shared between messages.
                assertThat(WebSocketFrames.read(c.input()).text()).isEqualTo("same text, same text, same text");
            }
        }
    }

    @Test
    @DisplayName("PMD-04 compression can be turned off per endpoint: the offer is not answered")
    void disabledPerEndpoint() throws Exception {
        assertThat(negotiate("p/nodeflate", "permessage-deflate")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("WS-10 extensions that are not allowed are left out of the 101")
    @ValueSource(strings = {"p/echo", "a/echo"})
    void unknownExtensionsIgnored(String path) throws Exception {
        assertThat(negotiate(path, "x-webkit-deflate-frame, foo; bar=\"baz\", permessage-deflate"))
                .containsExactly("permessage-deflate");
    }

    @Test
    @DisplayName("WS-10 extension names compare exactly: Permessage-Deflate is not accepted")
    void namesCompareExactly() throws Exception {
        assertThat(negotiate("p/echo", "Permessage-Deflate")).isEmpty();
    }

    @Test
    @DisplayName("WS-10 a parameter the client offered as a quoted token is answered as a token, or not at all")
    void quotedParameter() throws Exception {
        assertThat(negotiate("p/echo", "permessage-deflate; server_max_window_bits=\"15\""))
                .containsExactly(windowBits("permessage-deflate;server_max_window_bits=15"));
    }

    /**
     * {@code agreed}, as the 101 carries it: with its window-bits parameter where the container
     * keeps what the application agreed to, bare where its own stack drops them (Jetty).
     */
    private String windowBits(String agreed) {
        return server().container().answersDeflateWindowBits() ? agreed : "permessage-deflate";
    }
}
