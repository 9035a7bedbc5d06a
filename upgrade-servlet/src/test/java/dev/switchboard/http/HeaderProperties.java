package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the header model over generated values: what it writes, it reads back; what
 * it reads, it either accepts or refuses with a {@link FieldSyntaxException}, never anything
 * else and never without end.
 */
class HeaderProperties {

    /** A generous bound in seconds: parsing is linear, so only a loop could come near it. */
    private static final long NO_LOOP_SECONDS = 10;

    /** Runs each parse on a thread of its own so that a parser stuck in a loop fails the property. */
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parser-under-test");
        t.setDaemon(true);
        return t;
    });

    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars(TCHARS).ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<ProtocolToken> protocolTokens() {
        Arbitrary<String> names = tokens();
        Arbitrary<String> versions = tokens().injectNull(0.3);
        return Combinators.combine(names, versions)
                .as((name, version) -> version == null ? ProtocolToken.of(name) : ProtocolToken.of(name, version));
    }

    @Provide
    Arbitrary<Upgrade> upgrades() {
        return protocolTokens().list().ofMinSize(1).ofMaxSize(20).map(Upgrade::of);
    }

    @Provide
    Arbitrary<Connection> connections() {
        return tokens().list().ofMinSize(0).ofMaxSize(10).map(l -> Connection.of(l.toArray(new String[0])));
    }

    /** Values a quoted string can carry: visible ASCII, space, tab and obs-text, quotes and backslashes included. */
    @Provide
    Arbitrary<String> quotableValues() {
        return Arbitraries.strings().withChars('\t').withCharRange(' ', '~').withCharRange('\u0080', '\u00ff')
                .ofMaxLength(20);
    }

    @Provide
    Arbitrary<Forwarded> forwardedValues() {
        Arbitrary<Map<String, String>> params = Arbitraries.maps(
                tokens().map(t -> t.toLowerCase(Locale.ROOT)), quotableValues()).ofMinSize(1).ofMaxSize(4);
        return params.map(Forwarded.Element::of).list().ofMinSize(1).ofMaxSize(5).map(Forwarded::of);
    }

    /** Any text at all, control characters and surrogates included. */
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(80);
    }

    /** Text made mostly of the characters field grammars care about, so that parsers get deep. */
    @Provide
    Arbitrary<String> fieldLikeText() {
        return Arbitraries.strings()
                .withChars("aZ09/-.!~ ,;=\"\\\t\r\n\u0000\u007f\u00e9\u0141")
                .withChars("echo/1websocketh2cTLS/1.2 , ; ")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<List<String>> fieldLines() {
        return fieldLikeText().list().ofMaxSize(4);
    }

    // ---------------------------------------------------------------- round trips

    @Property
    @Label("UPG-01 a protocol token reads back from what it writes, with its spelling")
    void protocolTokenRoundTrips(@ForAll("protocolTokens") ProtocolToken token) {
        ProtocolToken parsed = ProtocolToken.parse(token.toString());

        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.toString()).isEqualTo(token.toString());
    }

    @Property
    @Label("UPG-01 an Upgrade list reads back from what it writes, in order")
    void upgradeRoundTrips(@ForAll("upgrades") Upgrade upgrade) {
        Upgrade parsed = Upgrade.parse(upgrade.toHeaderValue());

        assertThat(parsed).isEqualTo(upgrade);
        assertThat(parsed.toHeaderValue()).isEqualTo(upgrade.toHeaderValue());
    }

    @Property
    @Label("UPG-03 a Connection value reads back from what it writes")
    void connectionRoundTrips(@ForAll("connections") Connection connection) {
        assertThat(Connection.parse(connection.toHeaderValue())).isEqualTo(connection);
    }

    @Property
    void forwardedRoundTrips(@ForAll("forwardedValues") Forwarded forwarded) {
        Forwarded parsed = Forwarded.parse(forwarded.toHeaderValue());

        assertThat(parsed.elements()).isEqualTo(forwarded.elements());
    }

    // ---------------------------------------------------------------- arbitrary input

    @Property(tries = 2000)
    @Label("UPG-13 any Upgrade value parses or fails with 400, never otherwise")
    void anyUpgradeValueParsesOrFailsWith400(@ForAll("anyText") String value) {
        parsesOrRefuses(value, Upgrade::parse);
    }

    @Property(tries = 2000)
    @Label("UPG-13 any field-like Upgrade lines parse or fail with 400, never otherwise")
    void anyUpgradeLinesParseOrFailWith400(@ForAll("fieldLines") List<String> lines) {
        parsesOrRefuses(lines, Upgrade::parse);
    }

    @Property(tries = 2000)
    void anyConnectionLinesParseOrFailWith400(@ForAll("fieldLines") List<String> lines) {
        parsesOrRefuses(lines, Connection::parse);
        parsesOrRefuses(String.join("", lines), Connection::parse);
    }

    @Property(tries = 2000)
    void anyForwardedLinesParseOrFailWith400(@ForAll("fieldLines") List<String> lines) {
        parsesOrRefuses(lines, Forwarded::parse);
    }

    @Property(tries = 2000)
    void anyTextParsesAsAProtocolTokenOrFailsWith400(@ForAll("anyText") String a, @ForAll("fieldLikeText") String b) {
        parsesOrRefuses(a, ProtocolToken::parse);
        parsesOrRefuses(b, ProtocolToken::parse);
    }

    @Property(tries = 2000)
    @Label("UPG-13 whatever Upgrade parses, it writes in a form that parses to the same value")
    void parsedUpgradeIsStable(@ForAll("fieldLines") List<String> lines) {
        Upgrade parsed = parsedOrNull(() -> Upgrade.parse(lines));
        if (parsed != null) {
            assertThat(Upgrade.parse(parsed.toHeaderValue())).isEqualTo(parsed);
        }
    }

    @Property(tries = 2000)
    void parsedConnectionIsStable(@ForAll("fieldLines") List<String> lines) {
        Connection parsed = parsedOrNull(() -> Connection.parse(lines));
        if (parsed != null) {
            assertThat(Connection.parse(parsed.toHeaderValue())).isEqualTo(parsed);
        }
    }

    @Property(tries = 2000)
    void parsedForwardedIsStable(@ForAll("fieldLines") List<String> lines) {
        Forwarded parsed = parsedOrNull(() -> Forwarded.parse(lines));
        if (parsed != null) {
            assertThat(Forwarded.parse(parsed.toHeaderValue()).elements()).isEqualTo(parsed.elements());
        }
    }

    @Property(tries = 2000)
    @Label("UPG-13 negotiation of any field lines answers, and never throws")
    void negotiationAlwaysAnswers(@ForAll("fieldLines") List<String> upgrade,
            @ForAll("fieldLines") List<String> connection) {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(
                List.of(TestProtocol.answering("echo/1"), TestProtocol.answering("websocket")),
                SelectionPolicy.CLIENT_PREFERENCE, NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);
        TestHead head = TestHead.of("HTTP/1.1");
        upgrade.forEach(line -> head.field("Upgrade", line));
        connection.forEach(line -> head.field("Connection", line));

        Negotiation<TestProtocol> n = bounded(() -> negotiator.negotiate(head));

        assertThat(n).isNotNull();
        if (n instanceof Negotiation.Reject<TestProtocol> reject) {
            assertThat(reject.error().status()).isBetween(400, 499);
            assertThat(reject.error().reason()).matches("[\\x20-\\x7e]*");
        }
        if (n instanceof Negotiation.Candidates<TestProtocol> c) {
            c.candidates().forEach(candidate -> assertThat(c.upgrade().offers(candidate.token())).isTrue());
        }
    }

    @Property(tries = 2000)
    @Label("UPG-13 a one-line reason is printable ASCII and never longer than the cap")
    void oneLineIsPrintableAndBounded(@ForAll("anyText") String a, @ForAll("fieldLikeText") String b) {
        for (String text : List.of(a, b, a.repeat(5), b.repeat(5))) {
            assertThat(OneLine.of(text)).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <I> void parsesOrRefuses(I input, Function<I, ?> parser) {
        bounded(() -> {
            try {
                assertThat(parser.apply(input)).isNotNull();
            } catch (FieldSyntaxException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.reason()).hasSizeLessThanOrEqualTo(OneLine.MAX_LENGTH).matches("[\\x20-\\x7e]*");
            }
            return null;
        });
    }

    private static <T> T parsedOrNull(Callable<T> parse) {
        return bounded(() -> {
            try {
                return parse.call();
            } catch (FieldSyntaxException e) {
                return null;
            }
        });
    }

    /** The result of {@code task}; whatever it throws is rethrown, and running past the bound fails. */
    private static <T> T bounded(Callable<T> task) {
        try {
            return PARSER.submit(task).get(NO_LOOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + NO_LOOP_SECONDS + " s: a loop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
