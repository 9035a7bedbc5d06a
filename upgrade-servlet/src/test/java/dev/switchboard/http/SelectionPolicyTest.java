package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelectionPolicyTest {

    private static final TestProtocol A = TestProtocol.answering("a/1");
    private static final TestProtocol B = TestProtocol.answering("b/1");
    private static final TestProtocol C = TestProtocol.answering("c/1");

    private static Candidate<TestProtocol> candidate(TestProtocol p) {
        return new Candidate<>(p.tokens().get(0), p.tokens().get(0), p);
    }

    private static List<TestProtocol> order(SelectionPolicy policy, TestProtocol... clientOrder) {
        List<Candidate<TestProtocol>> candidates = new ArrayList<>();
        for (TestProtocol p : clientOrder) {
            candidates.add(candidate(p));
        }
        return policy.order(candidates, TestHead.of("HTTP/1.1")).stream().map(Candidate::protocol).toList();
    }

    private static SelectionPolicy serverPreference(String... tokens) {
        return SelectionPolicy.serverPreference(List.of(tokens).stream().map(ProtocolToken::parse).toList());
    }

    @Test
    @DisplayName("UPG-02 by default the client's order decides")
    void clientPreferenceKeepsTheClientsOrder() {
        assertThat(order(SelectionPolicy.CLIENT_PREFERENCE, C, A, B)).containsExactly(C, A, B);
    }

    @Test
    @DisplayName("UPG-02 the server's preferred protocols come first, in the server's order")
    void serverPreferenceComesFirst() {
        assertThat(order(serverPreference("b/1", "a/1"), A, C, B)).containsExactly(B, A, C);
    }

    @Test
    void protocolsTheServerDoesNotRankFollowInTheClientsOrder() {
        assertThat(order(serverPreference("c/1"), B, A, C)).containsExactly(C, B, A);
    }

    @Test
    @DisplayName("UPG-07 a preferred protocol the client did not offer is not added")
    void aPreferredProtocolThatWasNotOfferedIsNotAdded() {
        assertThat(order(serverPreference("z/9", "b/1"), A, B)).containsExactly(B, A);
    }

    @Test
    @DisplayName("UPG-14 server preference matches names ignoring case and versions exactly")
    void serverPreferenceMatchesLikeTokens() {
        assertThat(order(serverPreference("B/1", "a/2"), A, B)).containsExactly(B, A);
    }

    @Test
    void aTokenListedTwiceByTheServerDoesNotDuplicateACandidate() {
        assertThat(order(serverPreference("b/1", "b/1"), A, B)).containsExactly(B, A);
    }

    @Test
    void noCandidatesGiveNoCandidates() {
        assertThat(order(serverPreference("a/1"))).isEmpty();
    }

    @Test
    void serverPreferenceCopiesItsList() {
        List<ProtocolToken> preferred = new ArrayList<>(List.of(ProtocolToken.parse("b/1")));
        SelectionPolicy policy = SelectionPolicy.serverPreference(preferred);
        preferred.add(0, ProtocolToken.parse("a/1"));

        assertThat(order(policy, A, B)).containsExactly(B, A);
    }

    @Test
    void policiesNameThemselves() {
        assertThat(SelectionPolicy.CLIENT_PREFERENCE).hasToString("client-preference");
        assertThat(serverPreference("b/1", "a/1")).hasToString("server-preference[b/1, a/1]");
    }
}
