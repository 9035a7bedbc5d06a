package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

/**
 * Properties of the header model over generated values: what it writes, it reads back; what
 * it reads, it either accepts or refuses with a {@link FieldSyntaxException}, never anything
 * else and never without end. Samples come from {@link Samples}.
 */
class HeaderPropertiesTest {

    private static final int TRIES = 1000;
    private static final int MANY_TRIES = 2000;

    /** Characters field grammars care about, so that parsers get deep. */
    private static final String FIELD_LIKE = "aZ09/-.!~ ,;=\"\\\t\r\n\u0000\u007f\u00e9\u0141"
            + "echo/1websocketh2cTLS/1.2 , ; ";

    // ---------------------------------------------------------------- generators

    static String token(Samples s) {
        return s.string(Samples.TCHARS, 1, 12);
    }

    static ProtocolToken protocolToken(Samples s) {
        String name = token(s);
        return s.chance(0.3) ? ProtocolToken.of(name) : ProtocolToken.of(name, token(s));
    }

    static Upgrade upgrade(Samples s) {
        return Upgrade.of(s.list(1, 20, () -> protocolToken(s)));
    }

    static Connection connection(Samples s) {
        return Connection.of(s.list(0, 10, () -> token(s)).toArray(new String[0]));
    }

    /** Values a quoted string can carry: visible ASCII, space, tab and obs-text, quotes and backslashes included. */
    static String quotable(Samples s) {
        StringBuilder alphabet = new StringBuilder("\t");
        for (char c = ' '; c <= '~'; c++) {
            alphabet.append(c);
        }
        for (char c = '\u0080'; c <= '\u00ff'; c++) {
            alphabet.append(c);
        }
        return s.string(alphabet.toString(), 0, 20);
    }

    static Forwarded forwarded(Samples s) {
        return Forwarded.of(s.list(1, 5, () -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = s.between(1, 4); i > 0; i--) {
                params.put(token(s).toLowerCase(Locale.ROOT), quotable(s));
            }
            return Forwarded.Element.of(params);
        }));
    }

    static String fieldLike(Samples s) {
        return s.string(FIELD_LIKE, 0, 60);
    }

    static List<String> fieldLines(Samples s) {
        return s.list(0, 4, () -> fieldLike(s));
    }

    // ---------------------------------------------------------------- round trips

    @Test
    @DisplayName("UPG-01 a protocol token reads back from what it writes, with its spelling")
    void protocolTokenRoundTrips() {
        Samples.check(TRIES, HeaderPropertiesTest::protocolToken, token -> {
            ProtocolToken parsed = ProtocolToken.parse(token.toString());

            assertThat(parsed).isEqualTo(token);
            assertThat(parsed.toString()).isEqualTo(token.toString());
        });
    }

    @Test
    @DisplayName("UPG-01 an Upgrade list reads back from what it writes, in order")
    void upgradeRoundTrips() {
        Samples.check(TRIES, HeaderPropertiesTest::upgrade, upgrade -> {
            Upgrade parsed = Upgrade.parse(upgrade.toHeaderValue());

            assertThat(parsed).isEqualTo(upgrade);
            assertThat(parsed.toHeaderValue()).isEqualTo(upgrade.toHeaderValue());
        });
    }

    @Test
    @DisplayName("UPG-03 a Connection value reads back from what it writes")
    void connectionRoundTrips() {
        Samples.check(TRIES, HeaderPropertiesTest::connection,
                connection -> assertThat(Connection.parse(connection.toHeaderValue())).isEqualTo(connection));
    }

    @Test
    void forwardedRoundTrips() {
        Samples.check(TRIES, HeaderPropertiesTest::forwarded,
                forwarded -> assertThat(Forwarded.parse(forwarded.toHeaderValue()).elements())
                        .isEqualTo(forwarded.elements()));
    }

    // ---------------------------------------------------------------- arbitrary input

    @Test
    @DisplayName("UPG-13 any Upgrade value parses or fails with 400, never otherwise")
    void anyUpgradeValueParsesOrFailsWith400() {
        Samples.check(MANY_TRIES, s -> s.anyText(80), value -> parsesOrRefuses(value, Upgrade::parse));
    }

    @Test
    @DisplayName("UPG-13 any field-like Upgrade lines parse or fail with 400, never otherwise")
    void anyUpgradeLinesParseOrFailWith400() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> parsesOrRefuses(lines, Upgrade::parse));
    }

    @Test
    void anyConnectionLinesParseOrFailWith400() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> {
            parsesOrRefuses(lines, Connection::parse);
            parsesOrRefuses(String.join("", lines), Connection::parse);
        });
    }

    @Test
    void anyForwardedLinesParseOrFailWith400() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> parsesOrRefuses(lines, Forwarded::parse));
    }

    @Test
    void anyTextParsesAsAProtocolTokenOrFailsWith400() {
        Samples.check(MANY_TRIES, s -> List.of(s.anyText(80), fieldLike(s)),
                texts -> texts.forEach(text -> parsesOrRefuses(text, ProtocolToken::parse)));
    }

    @Test
    @DisplayName("UPG-13 whatever Upgrade parses, it writes in a form that parses to the same value")
    void parsedUpgradeIsStable() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> {
            Upgrade parsed = parsedOrNull(lines, Upgrade::parse);
            if (parsed != null) {
                assertThat(Upgrade.parse(parsed.toHeaderValue())).isEqualTo(parsed);
            }
        });
    }

    @Test
    void parsedConnectionIsStable() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> {
            Connection parsed = parsedOrNull(lines, Connection::parse);
            if (parsed != null) {
                assertThat(Connection.parse(parsed.toHeaderValue())).isEqualTo(parsed);
            }
        });
    }

    @Test
    void parsedForwardedIsStable() {
        Samples.check(MANY_TRIES, HeaderPropertiesTest::fieldLines, lines -> {
            Forwarded parsed = parsedOrNull(lines, Forwarded::parse);
            if (parsed != null) {
                assertThat(Forwarded.parse(parsed.toHeaderValue()).elements()).isEqualTo(parsed.elements());
            }
        });
    }

    @Test
    @DisplayName("UPG-13 negotiation of any field lines answers, and never throws")
    void negotiationAlwaysAnswers() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(
                List.of(TestProtocol.answering("echo/1"), TestProtocol.answering("websocket")),
                SelectionPolicy.CLIENT_PREFERENCE, NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);
        Samples.check(MANY_TRIES, s -> List.of(fieldLines(s), fieldLines(s)), fields -> {
            TestHead head = TestHead.of("HTTP/1.1");
            fields.get(0).forEach(line -> head.field("Upgrade", line));
            fields.get(1).forEach(line -> head.field("Connection", line));

            Negotiation<TestProtocol> n = negotiator.negotiate(head);

            assertThat(n).isNotNull();
            if (n instanceof Negotiation.Reject<TestProtocol> reject) {
                assertThat(reject.error().status()).isBetween(400, 499);
                assertThat(reject.error().reason()).matches("[\\x20-\\x7e]*");
            }
            if (n instanceof Negotiation.Candidates<TestProtocol> c) {
                c.candidates().forEach(candidate -> assertThat(c.upgrade().offers(candidate.token())).isTrue());
            }
        });
    }

    @Test
    @DisplayName("UPG-13 a one-line reason is printable ASCII and never longer than the cap")
    void oneLineIsPrintableAndBounded() {
        Samples.check(MANY_TRIES, s -> List.of(s.anyText(80), fieldLike(s)), texts -> {
            for (String text : List.of(texts.get(0), texts.get(1), texts.get(0).repeat(5), texts.get(1).repeat(5))) {
                assertThat(OneLine.of(text)).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private static <I> void parsesOrRefuses(I input, Function<I, ?> parser) {
        try {
            assertThat(parser.apply(input)).isNotNull();
        } catch (FieldSyntaxException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
        }
    }

    private static <I, T> T parsedOrNull(I input, Function<I, T> parser) {
        try {
            return parser.apply(input);
        } catch (FieldSyntaxException e) {
            return null;
        }
    }
}
