package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

class UpgradeNegotiatorTest {

    private static final TestProtocol ECHO = TestProtocol.answering("echo/1");
    private static final TestProtocol WEBSOCKET = TestProtocol.answering("websocket");
    private static final TestProtocol FOO_1 = TestProtocol.answering("foo/1");

    private static UpgradeNegotiator<TestProtocol> negotiator(TestProtocol... protocols) {
        return new UpgradeNegotiator<>(List.of(protocols), SelectionPolicy.CLIENT_PREFERENCE,
                NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);
    }

    private static Negotiation.Candidates<TestProtocol> candidates(Negotiation<TestProtocol> n) {
        assertThat(n).isInstanceOf(Negotiation.Candidates.class);
        return (Negotiation.Candidates<TestProtocol>) n;
    }

    private static List<String> askedInOrder(Negotiation<TestProtocol> n) {
        List<String> out = new ArrayList<>();
        for (Candidate<TestProtocol> c : candidates(n).candidates()) {
            out.add(c.protocol().toString());
        }
        return out;
    }

    @Test
    void aRequestWithoutUpgradeIsIgnoredAsAbsent() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.of("HTTP/1.1"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("absent", "no Upgrade field"));
    }

    @Test
    @DisplayName("UPG-04 Upgrade in an HTTP/1.0 request is ignored")
    void http10IsIgnored() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(
                TestHead.of("HTTP/1.0").field("Upgrade", "echo/1").field("Connection", "upgrade"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("http-1.0",
                "Upgrade in an HTTP/1.0 request is ignored (RFC 9110 section 7.8)"));
    }

    @Test
    @DisplayName("UPG-04 Upgrade in an HTTP/1.0 request is ignored even when the field is malformed")
    void http10IsIgnoredBeforeParsing() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(
                TestHead.of("HTTP/1.0").field("Upgrade", "a b").field("Connection", "upgrade"));

        assertThat(n).isInstanceOf(Negotiation.Ignore.class);
    }

    @ParameterizedTest(name = "UPG-05 Upgrade over {0} is ignored")
    @CsvSource({"HTTP/2.0", "HTTP/2", "HTTP/3"})
    void http2AndLaterAreIgnored(String version) {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(
                TestHead.of(version).field("Upgrade", "echo/1").field("Connection", "upgrade"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("http-2-or-later",
                "Upgrade is connection-specific and not used over " + version + " (RFC 9113 section 8.2.2)"));
    }

    @Test
    void anUnknownVersionIsIgnoredWithItsNameEscaped() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(
                TestHead.of("HTTP/0.9\r\n").field("Upgrade", "echo/1").field("Connection", "upgrade"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("other-version",
                "Upgrade is only acted on in HTTP/1.1 requests, not HTTP/0.9\\x0D\\x0A"));
    }

    @Test
    void aLaterMinorVersionOfHttp1IsNegotiated() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(
                TestHead.of("HTTP/1.2").field("Upgrade", "echo/1").field("Connection", "upgrade"));

        assertThat(askedInOrder(n)).containsExactly("echo/1");
    }

    @Test
    @DisplayName("UPG-03 without the upgrade connection option the field is ignored")
    void noUpgradeOptionIsIgnored() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1", "keep-alive"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("no-upgrade-option",
                "Upgrade without the \"upgrade\" connection option is ignored (RFC 9110 section 7.8)"));
    }

    @Test
    @DisplayName("UPG-03 without any Connection field the field is ignored")
    void noConnectionFieldIsIgnored() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.of("HTTP/1.1").field("Upgrade", "echo/1"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Ignore.class,
                i -> assertThat(i.kind()).isEqualTo("no-upgrade-option"));
    }

    @Test
    @DisplayName("UPG-03 the upgrade option is found on any Connection field line, in any case")
    void upgradeOptionOnASecondLine() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.of("HTTP/1.1")
                .field("Upgrade", "echo/1").field("Connection", "keep-alive").field("Connection", "UPGRADE"));

        assertThat(askedInOrder(n)).containsExactly("echo/1");
        assertThat(candidates(n).connection().options()).containsExactly("keep-alive", "upgrade");
    }

    @Test
    @DisplayName("UPG-13 a malformed Upgrade field is refused with 400 and a one-line reason")
    void malformedFieldIsRejected() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1 foo", "upgrade"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Reject.class, r -> {
            assertThat(r.kind()).isEqualTo("invalid-field");
            assertThat(r.error().status()).isEqualTo(400);
            assertThat(r.error().reason()).isEqualTo("Invalid Upgrade field: expected ',' but was 'f' at offset 7");
        });
    }

    @Test
    @DisplayName("UPG-13 a malformed Upgrade field is ignored where configured")
    void malformedFieldIsIgnoredWhenConfigured() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO),
                SelectionPolicy.CLIENT_PREFERENCE, NegotiationLimits.DEFAULT, InvalidFieldPolicy.IGNORE);

        Negotiation<TestProtocol> n = negotiator.negotiate(TestHead.upgrade("echo/1 foo", "upgrade"));

        assertThat(n).isEqualTo(new Negotiation.Ignore<TestProtocol>("invalid-field",
                "Invalid Upgrade field: expected ',' but was 'f' at offset 7"));
    }

    @Test
    @DisplayName("UPG-13 a malformed Connection field with Upgrade is refused with 400")
    void malformedConnectionIsRejected() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1", "upgrade;x"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Reject.class, r -> {
            assertThat(r.kind()).isEqualTo("invalid-field");
            assertThat(r.error().reason()).isEqualTo("Invalid Connection field: expected ',' but was ';' at offset 7");
        });
    }

    @Test
    @DisplayName("UPG-13 an empty Upgrade field is refused with 400")
    void emptyFieldIsRejected() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade(" , ", "upgrade"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Reject.class, r -> assertThat(r.error().reason())
                .isEqualTo("Invalid Upgrade field: expected at least one element but the list was empty"));
    }

    @Test
    void aFieldLongerThanTheLimitIsRefusedWith431BeforeParsing() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO),
                SelectionPolicy.CLIENT_PREFERENCE, new NegotiationLimits(14, 16), InvalidFieldPolicy.REJECT);

        Negotiation<TestProtocol> n = negotiator.negotiate(TestHead.of("HTTP/1.1")
                .field("Upgrade", "echo/1, a/1").field("Upgrade", "bb b").field("Connection", "upgrade"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Reject.class, r -> {
            assertThat(r.kind()).isEqualTo("field-too-large");
            assertThat(r.error().status()).isEqualTo(431);
            assertThat(r.error().reason()).isEqualTo("Upgrade field is 15 characters long; the limit is 14");
        });
    }

    @Test
    void aFieldExactlyAtTheLengthLimitIsAccepted() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO),
                SelectionPolicy.CLIENT_PREFERENCE, new NegotiationLimits(6, 16), InvalidFieldPolicy.REJECT);

        assertThat(askedInOrder(negotiator.negotiate(TestHead.upgrade("echo/1", "upgrade")))).containsExactly("echo/1");
    }

    @Test
    void moreProtocolsThanTheLimitAreRefusedWith431() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO),
                SelectionPolicy.CLIENT_PREFERENCE, new NegotiationLimits(1024, 2), InvalidFieldPolicy.REJECT);

        Negotiation<TestProtocol> n = negotiator.negotiate(TestHead.upgrade("a, b, echo/1", "upgrade"));

        assertThat(n).isInstanceOfSatisfying(Negotiation.Reject.class, r -> {
            assertThat(r.kind()).isEqualTo("too-many-protocols");
            assertThat(r.error().status()).isEqualTo(431);
            assertThat(r.error().reason()).isEqualTo("Upgrade field lists 3 protocols; the limit is 2");
        });
    }

    @Test
    @DisplayName("UPG-02 candidates are asked in the client's order of preference")
    void candidatesFollowTheClientsOrder() {
        UpgradeNegotiator<TestProtocol> negotiator = negotiator(ECHO, WEBSOCKET);

        assertThat(askedInOrder(negotiator.negotiate(TestHead.upgrade("websocket, echo/1", "upgrade"))))
                .containsExactly("websocket", "echo/1");
        assertThat(askedInOrder(negotiator.negotiate(TestHead.upgrade("echo/1, websocket", "upgrade"))))
                .containsExactly("echo/1", "websocket");
    }

    @Test
    @DisplayName("UPG-02 an unknown first offer is passed over for a registered second one")
    void unknownOffersArePassedOver() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("foo/2, echo/1", "upgrade"));

        assertThat(askedInOrder(n)).containsExactly("echo/1");
    }

    @Test
    @DisplayName("UPG-02 offers spread over several Upgrade lines keep the client's order")
    void orderAcrossSeveralLines() {
        Negotiation<TestProtocol> n = negotiator(ECHO, WEBSOCKET).negotiate(TestHead.of("HTTP/1.1")
                .field("Upgrade", "websocket").field("Upgrade", "echo/1").field("Connection", "upgrade"));

        assertThat(askedInOrder(n)).containsExactly("websocket", "echo/1");
    }

    @Test
    void onlyUnknownOffersGiveNoCandidates() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("foo/2, bar", "upgrade"));

        assertThat(candidates(n).candidates()).isEmpty();
        assertThat(candidates(n).skipped()).isEmpty();
        assertThat(candidates(n).upgrade()).isEqualTo(Upgrade.parse("foo/2, bar"));
    }

    @ParameterizedTest(name = "UPG-07 offered {0} never yields registered {1}")
    @CsvSource({"foo/2, foo/1", "foo, foo/1", "foo/1, foo", "foo/1.0, foo/1", "foo/A, foo/a"})
    void aVersionTheClientDidNotListDoesNotMatch(String offered, String registered) {
        Negotiation<TestProtocol> n = negotiator(TestProtocol.answering(registered))
                .negotiate(TestHead.upgrade(offered, "upgrade"));

        assertThat(candidates(n).candidates()).isEmpty();
    }

    @Test
    @DisplayName("UPG-14 an offer matches a registered token whatever the case of its name")
    void namesMatchIgnoringCase() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("ECHO/1", "upgrade"));

        Candidate<TestProtocol> c = candidates(n).candidates().get(0);
        assertThat(c.protocol()).isSameAs(ECHO);
        assertThat(c.offered()).hasToString("ECHO/1");
        assertThat(c.token()).hasToString("echo/1");
    }

    @Test
    @DisplayName("UPG-07 a protocol with several tokens matches on the one the client offered")
    void theMatchingTokenIsTheOneOffered() {
        TestProtocol tls = TestProtocol.answering("TLS/1.3", "TLS/1.2");

        Negotiation<TestProtocol> n = negotiator(tls).negotiate(TestHead.upgrade("tls/1.2", "upgrade"));

        assertThat(candidates(n).candidates()).singleElement()
                .satisfies(c -> assertThat(c.token()).hasToString("TLS/1.2"));
    }

    @Test
    void aProtocolOfferedUnderTwoTokensIsAskedOnceForTheFirst() {
        TestProtocol tls = TestProtocol.answering("TLS/1.3", "TLS/1.2");

        Negotiation<TestProtocol> n = negotiator(tls).negotiate(TestHead.upgrade("TLS/1.2, TLS/1.3", "upgrade"));

        assertThat(candidates(n).candidates()).singleElement()
                .satisfies(c -> assertThat(c.token()).hasToString("TLS/1.2"));
    }

    @Test
    void twoProtocolsForOneTokenAreAskedInRegistrationOrder() {
        TestProtocol first = TestProtocol.answering("echo/1");
        TestProtocol second = TestProtocol.answering("echo/1");

        Negotiation<TestProtocol> n = negotiator(first, second).negotiate(TestHead.upgrade("echo/1", "upgrade"));

        assertThat(candidates(n).candidates()).extracting(Candidate::protocol).containsExactly(first, second);
    }

    @Test
    void aProtocolMissingARequiredConnectionOptionIsSkippedWithAReason() {
        TestProtocol h2c = TestProtocol.answering("h2c").requiringConnectionOptions("http2-settings");

        Negotiation<TestProtocol> n = negotiator(h2c, ECHO).negotiate(TestHead.upgrade("h2c, echo/1", "upgrade"));

        assertThat(askedInOrder(n)).containsExactly("echo/1");
        assertThat(candidates(n).skipped()).singleElement().satisfies(s -> {
            assertThat(s.candidate().protocol()).isSameAs(h2c);
            assertThat(s.reason()).isEqualTo("Connection does not list \"http2-settings\"");
        });
    }

    @Test
    void aRequiredConnectionOptionMatchesIgnoringCase() {
        TestProtocol h2c = TestProtocol.answering("h2c").requiringConnectionOptions("http2-settings");

        Negotiation<TestProtocol> n = negotiator(h2c).negotiate(TestHead.of("HTTP/1.1").field("Upgrade", "h2c")
                .field("Connection", "Upgrade, HTTP2-Settings").field("HTTP2-Settings", "AAMAAABkAAQAAP__"));

        assertThat(askedInOrder(n)).containsExactly("h2c");
    }

    @ParameterizedTest(name = "a required field present {0} times is skipped")
    @CsvSource({"0", "2"})
    void aRequiredFieldMustBePresentExactlyOnce(int times) {
        TestProtocol h2c = TestProtocol.answering("h2c").requiringFields("HTTP2-Settings");
        TestHead head = TestHead.upgrade("h2c", "upgrade");
        for (int i = 0; i < times; i++) {
            head.field("HTTP2-Settings", "AAMAAABkAAQAAP__");
        }

        Negotiation<TestProtocol> n = negotiator(h2c).negotiate(head);

        assertThat(candidates(n).candidates()).isEmpty();
        assertThat(candidates(n).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("expected exactly one HTTP2-Settings field but was " + times));
    }

    @Test
    void aRequestWithContentIsNotOfferedToAProtocolThatTakesNone() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1", "upgrade").contentLength(5));

        assertThat(candidates(n).candidates()).isEmpty();
        assertThat(candidates(n).skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("the protocol does not take requests with content"));
    }

    @Test
    void aChunkedRequestCarriesContent() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1", "upgrade")
                .field("Transfer-Encoding", "chunked"));

        assertThat(candidates(n).candidates()).isEmpty();
    }

    @Test
    void aZeroContentLengthIsNoContent() {
        Negotiation<TestProtocol> n = negotiator(ECHO).negotiate(TestHead.upgrade("echo/1", "upgrade").contentLength(0));

        assertThat(askedInOrder(n)).containsExactly("echo/1");
    }

    @Test
    void aProtocolThatTakesContentIsOfferedARequestWithContent() {
        TestProtocol content = TestProtocol.answering("content/1").acceptingContent();

        Negotiation<TestProtocol> n = negotiator(content).negotiate(
                TestHead.upgrade("content/1", "upgrade").contentLength(5));

        assertThat(askedInOrder(n)).containsExactly("content/1");
    }

    @Test
    @DisplayName("UPG-02 a selection policy may put the server's preference first")
    void aPolicyMayReorderCandidates() {
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO, WEBSOCKET),
                SelectionPolicy.serverPreference(List.of(ProtocolToken.parse("echo/1"))), NegotiationLimits.DEFAULT,
                InvalidFieldPolicy.REJECT);

        Negotiation<TestProtocol> n = negotiator.negotiate(TestHead.upgrade("websocket, echo/1", "upgrade"));

        assertThat(askedInOrder(n)).containsExactly("echo/1", "websocket");
    }

    @Test
    @DisplayName("UPG-07 a selection policy that adds a protocol the client did not offer is a programming error")
    void aPolicyMayNotAddCandidates() {
        SelectionPolicy adding = new SelectionPolicy() {
            @Override
            public <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder,
                    RequestHead head) {
                List<Candidate<P>> out = new ArrayList<>(clientOrder);
                Candidate<P> first = clientOrder.get(0);
                out.add(new Candidate<>(ProtocolToken.parse("foo/1"), ProtocolToken.parse("foo/1"), first.protocol()));
                return out;
            }
        };
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO), adding,
                NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);

        assertThatThrownBy(() -> negotiator.negotiate(TestHead.upgrade("echo/1", "upgrade")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which the client did not offer");
    }

    @Test
    @DisplayName("UPG-07 a selection policy that lists a candidate twice is a programming error")
    void aPolicyMayNotRepeatCandidates() {
        SelectionPolicy repeating = new SelectionPolicy() {
            @Override
            public <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder,
                    RequestHead head) {
                List<Candidate<P>> out = new ArrayList<>(clientOrder);
                out.addAll(clientOrder);
                return out;
            }
        };
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO), repeating,
                NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);

        assertThatThrownBy(() -> negotiator.negotiate(TestHead.upgrade("echo/1", "upgrade")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listed echo/1 twice");
    }

    @Test
    void aPolicyMayDropCandidates() {
        SelectionPolicy none = new SelectionPolicy() {
            @Override
            public <P extends NegotiableProtocol> List<Candidate<P>> order(List<Candidate<P>> clientOrder,
                    RequestHead head) {
                return List.of();
            }
        };
        UpgradeNegotiator<TestProtocol> negotiator = new UpgradeNegotiator<>(List.of(ECHO), none,
                NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);

        assertThat(candidates(negotiator.negotiate(TestHead.upgrade("echo/1", "upgrade"))).candidates()).isEmpty();
    }

    @Test
    void indexesProtocolsByTokenInRegistrationOrder() {
        TestProtocol tls = TestProtocol.answering("TLS/1.3", "TLS/1.2");

        assertThat(negotiator(ECHO, tls).protocolsByToken()).containsOnlyKeys(
                ProtocolToken.parse("echo/1"), ProtocolToken.parse("TLS/1.3"), ProtocolToken.parse("TLS/1.2"));
        assertThat(negotiator(ECHO, tls).protocolsByToken().get(ProtocolToken.parse("tls/1.2"))).containsExactly(tls);
    }

    @Test
    void refusesToBeBuiltWithoutAPolicy() {
        assertThatThrownBy(() -> new UpgradeNegotiator<>(List.of(ECHO), null, NegotiationLimits.DEFAULT,
                InvalidFieldPolicy.REJECT)).isInstanceOf(NullPointerException.class).hasMessage("policy");
    }

    @Test
    void theLimitsRefuseValuesBelowOne() {
        assertThatThrownBy(() -> new NegotiationLimits(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected maxFieldLength >= 1 but was 0");
        assertThatThrownBy(() -> new NegotiationLimits(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected maxProtocols >= 1 but was 0");
    }
}
