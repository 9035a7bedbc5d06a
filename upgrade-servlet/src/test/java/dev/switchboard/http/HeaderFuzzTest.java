package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

/**
 * Fuzz targets for the header parsers and the negotiator. Without {@code JAZZER_FUZZ} set,
 * each target runs once per file of its committed corpus,
 * {@code src/test/resources/dev/switchboard/http/HeaderFuzzTestInputs/<method>/}, as part of the
 * ordinary build; docs/fuzzing.md tells how to fuzz for real.
 *
 * <p>Inputs are bytes read the way a container reads a field: ISO-8859-1, one field line per
 * line of the input. The contract under test: a parser returns a value that writes back to
 * itself, or throws {@link FieldSyntaxException} with a printable, bounded reason; negotiation
 * always answers with a {@link Negotiation} and never throws.
 */
class HeaderFuzzTest {

    private static final UpgradeNegotiator<TestProtocol> CLIENT_ORDER = negotiator(SelectionPolicy.CLIENT_PREFERENCE);
    private static final UpgradeNegotiator<TestProtocol> SERVER_ORDER = negotiator(
            SelectionPolicy.serverPreference(List.of(ProtocolToken.parse("h2c"), ProtocolToken.parse("TLS/1.2"))));

    private static UpgradeNegotiator<TestProtocol> negotiator(SelectionPolicy policy) {
        List<TestProtocol> protocols = List.of(
                TestProtocol.answering("echo/1"),
                TestProtocol.answering("websocket"),
                TestProtocol.answering("h2c").requiringConnectionOptions("http2-settings")
                        .requiringFields("HTTP2-Settings"),
                TestProtocol.answering("TLS/1.3", "TLS/1.2"),
                TestProtocol.answering("content/1").acceptingContent());
        return new UpgradeNegotiator<>(protocols, policy, NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);
    }

    @FuzzTest
    void upgradeField(byte[] input) {
        List<String> lines = lines(input);
        Upgrade upgrade = parsedOrNull(lines, Upgrade::parse);
        if (upgrade != null) {
            assertThat(upgrade.protocols()).isNotEmpty().hasSizeLessThanOrEqualTo(input.length);
            assertThat(Upgrade.parse(upgrade.toHeaderValue())).isEqualTo(upgrade);
        }
    }

    @FuzzTest
    void connectionField(byte[] input) {
        Connection connection = parsedOrNull(lines(input), Connection::parse);
        if (connection != null) {
            assertThat(Connection.parse(connection.toHeaderValue())).isEqualTo(connection);
        }
    }

    @FuzzTest
    void forwardedField(byte[] input) {
        Forwarded forwarded = parsedOrNull(lines(input), Forwarded::parse);
        if (forwarded != null) {
            assertThat(Forwarded.parse(forwarded.toHeaderValue()).elements()).isEqualTo(forwarded.elements());
        }
    }

    @FuzzTest
    void protocolToken(byte[] input) {
        ProtocolToken token = parsedOrNull(text(input), ProtocolToken::parse);
        if (token != null) {
            assertThat(ProtocolToken.parse(token.toString())).isEqualTo(token);
        }
    }

    /**
     * A request head: the first line is the protocol version, each further line a field,
     * {@code Name: value}; a {@code Content-Length} line sets the declared length.
     */
    @FuzzTest
    void negotiation(byte[] input) {
        List<String> lines = lines(input);
        TestHead head = TestHead.of(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1).strip();
                head.field(name, value);
                if (name.equalsIgnoreCase("Content-Length")) {
                    head.contentLength(value.length());
                }
            }
        }
        for (UpgradeNegotiator<TestProtocol> negotiator : List.of(CLIENT_ORDER, SERVER_ORDER)) {
            checkAnswer(negotiator.negotiate(head));
        }
    }

    @FuzzTest
    void oneLine(byte[] input) {
        for (String text : List.of(text(input), new String(input, StandardCharsets.UTF_8),
                new String(input, StandardCharsets.UTF_16BE))) {
            assertThat(OneLine.of(text)).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
        }
    }

    private static void checkAnswer(Negotiation<TestProtocol> n) {
        assertThat(n).isNotNull();
        if (n instanceof Negotiation.Reject<TestProtocol> reject) {
            assertThat(reject.error().status()).isBetween(400, 499);
            assertPrintableAndBounded(reject.error().reason());
        } else if (n instanceof Negotiation.Ignore<TestProtocol> ignore) {
            assertPrintableAndBounded(ignore.reason());
        } else if (n instanceof Negotiation.Candidates<TestProtocol> c) {
            for (Candidate<TestProtocol> candidate : c.candidates()) {
                assertThat(c.upgrade().offers(candidate.token())).isTrue();
                assertThat(candidate.offered().matches(candidate.token())).isTrue();
            }
            assertThat(c.connection().hasUpgrade()).isTrue();
        }
    }

    private static <I, T> T parsedOrNull(I input, Function<I, T> parser) {
        try {
            return parser.apply(input);
        } catch (FieldSyntaxException e) {
            assertThat(e.status()).isEqualTo(400);
            assertPrintableAndBounded(e.reason());
            return null;
        }
    }

    private static void assertPrintableAndBounded(String reason) {
        assertThat(reason).hasSizeLessThanOrEqualTo(2 * OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1);
    }

    /** Field lines, split at line feeds; a carriage return stays part of its line, as a peer could send it. */
    private static List<String> lines(byte[] input) {
        return Arrays.asList(text(input).split("\n", -1));
    }
}
