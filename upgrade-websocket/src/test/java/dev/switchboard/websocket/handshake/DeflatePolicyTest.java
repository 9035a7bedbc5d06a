package dev.switchboard.websocket.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeflatePolicyTest {

    private static Optional<String> negotiate(DeflatePolicy policy, String offers) {
        return policy.negotiate(WebSocketExtensions.parse(offers).named("permessage-deflate"))
                .map(WebSocketExtension::toHeaderValue);
    }

    private static final String[][] OFFERS = {
        {"PMD-01 a bare offer is accepted bare", "permessage-deflate", "permessage-deflate"},
        {"PMD-01 of several offers the first acceptable one is answered", "permessage-deflate; x=1, permessage-deflate; client_no_context_takeover, permessage-deflate", "permessage-deflate; client_no_context_takeover"},
        {"PMD-02 an offer with an unknown parameter is declined whole", "permessage-deflate; client_no_context_takeover; foo", ""},
        {"PMD-02 an offer with a duplicated parameter is declined whole", "permessage-deflate; server_no_context_takeover; server_no_context_takeover", ""},
        {"PMD-02 server_max_window_bits=16 is declined", "permessage-deflate; server_max_window_bits=16", ""},
        {"PMD-02 server_max_window_bits=7 is declined", "permessage-deflate; server_max_window_bits=7", ""},
        {"PMD-02 client_max_window_bits=16 is declined", "permessage-deflate; client_max_window_bits=16", ""},
        {"PMD-02 window bits with a leading zero are declined", "permessage-deflate; client_max_window_bits=09", ""},
        {"PMD-02 window bits that are not a number are declined", "permessage-deflate; client_max_window_bits=abc", ""},
        {"PMD-02 server_max_window_bits without a value is declined", "permessage-deflate; server_max_window_bits", ""},
        {"PMD-02 a value on server_no_context_takeover is declined", "permessage-deflate; server_no_context_takeover=1", ""},
        {"PMD-02 a value on client_no_context_takeover is declined", "permessage-deflate; client_no_context_takeover=true", ""},
        {"PMD-02 a declined offer falls back to the next acceptable one", "permessage-deflate; server_max_window_bits=16, permessage-deflate", "permessage-deflate"},
        {"PMD-03 client_max_window_bits offered but not asked for is left out", "permessage-deflate; client_max_window_bits", "permessage-deflate"},
        {"PMD-03 server_max_window_bits=15 is accepted and echoed", "permessage-deflate; server_max_window_bits=15", "permessage-deflate; server_max_window_bits=15"},
        {"PMD-03 server_max_window_bits below 15 cannot be honoured: declined", "permessage-deflate; server_max_window_bits=10", ""},
        {"PMD-03 a quoted window value is read as its token", "permessage-deflate; server_max_window_bits=\"15\"", "permessage-deflate; server_max_window_bits=15"},
        {"PMD-01 server_no_context_takeover offered is accepted by echoing it", "permessage-deflate; server_no_context_takeover", "permessage-deflate; server_no_context_takeover"},
    };

    private static Stream<Arguments> offers(String id) {
        return Stream.of(OFFERS).filter(r -> r[0].startsWith(id + " ")).map(r -> Arguments.of((Object[]) r));
    }

    static Stream<Arguments> pmd01() {
        return offers("PMD-01");
    }

    static Stream<Arguments> pmd02() {
        return offers("PMD-02");
    }

    static Stream<Arguments> pmd03() {
        return offers("PMD-03");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmd01")
    @DisplayName("PMD-01 the first acceptable offer is answered, once")
    void firstAcceptableOffer(String name, String offers, String response) {
        assertThat(negotiate(DeflatePolicy.DEFAULT, offers).orElse("")).isEqualTo(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmd02")
    @DisplayName("PMD-02 an offer with an unknown or repeated parameter or an invalid value is declined whole")
    void declinedWhole(String name, String offers, String response) {
        assertThat(negotiate(DeflatePolicy.DEFAULT, offers).orElse("")).isEqualTo(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmd03")
    @DisplayName("PMD-03 window bits in the response never exceed what the client offered")
    void windowBits(String name, String offers, String response) {
        assertThat(negotiate(DeflatePolicy.DEFAULT, offers).orElse("")).isEqualTo(response);
    }

    @Test
    @DisplayName("PMD-03 client_max_window_bits appears in the response only when the client offered it")
    void clientWindowOnlyWhenOffered() {
        DeflatePolicy p = DeflatePolicy.DEFAULT.withClientMaxWindowBits(10);
        assertThat(negotiate(p, "permessage-deflate")).contains("permessage-deflate");
        assertThat(negotiate(p, "permessage-deflate; client_max_window_bits"))
                .contains("permessage-deflate; client_max_window_bits=10");
    }

    @Test
    @DisplayName("PMD-03 the client window asked for is never larger than the client offered")
    void clientWindowIsTheSmaller() {
        DeflatePolicy p = DeflatePolicy.DEFAULT.withClientMaxWindowBits(12);
        assertThat(negotiate(p, "permessage-deflate; client_max_window_bits=9"))
                .contains("permessage-deflate; client_max_window_bits=9");
    }

    @Test
    @DisplayName("PMD-04 required server_no_context_takeover is added to a response whose offer lacks it")
    void requireServerNoContextTakeover() {
        DeflatePolicy p = DeflatePolicy.DEFAULT.withServerNoContextTakeover(true);
        assertThat(negotiate(p, "permessage-deflate")).contains("permessage-deflate; server_no_context_takeover");
    }

    @Test
    @DisplayName("PMD-04 required client_no_context_takeover is added to a response whose offer lacks it")
    void requireClientNoContextTakeover() {
        DeflatePolicy p = DeflatePolicy.DEFAULT.withClientNoContextTakeover(true);
        assertThat(negotiate(p, "permessage-deflate; client_max_window_bits"))
                .contains("permessage-deflate; client_no_context_takeover");
    }

    @Test
    @DisplayName("PMD-04 both context takeovers required come in the canonical order")
    void requireBoth() {
        DeflatePolicy p = DeflatePolicy.DEFAULT.withServerNoContextTakeover(true).withClientNoContextTakeover(true);
        assertThat(negotiate(p, "permessage-deflate; server_max_window_bits=15"))
                .contains("permessage-deflate; server_no_context_takeover; server_max_window_bits=15; client_no_context_takeover");
    }

    @Test
    @DisplayName("PMD-04 a disabled policy accepts no offer")
    void disabled() {
        assertThat(negotiate(DeflatePolicy.DISABLED, "permessage-deflate")).isEmpty();
    }
}
