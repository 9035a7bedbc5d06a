package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static dev.switchboard.it.scenarios.TlsExchanges.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.OpossumAttack;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * TLS-11 with the defaults: RFC 2817 configured (a key store named) and nothing else, so
 * only the mandatory form ({@code OPTIONS *}) may upgrade in place. The Opossum attack
 * (CVE-2025-49812) finds nothing to splice a victim into, ordinary resources neither switch
 * nor advertise TLS, and the 426 points at the https URL only. Deploy
 * {@code TlsDeployments.tlsApp(name, OpossumScenarios.PARAMS)}.
 */
public abstract class OpossumScenarios {

    /** The library's defaults, with a key store and {@code /secure/*} protected (see {@code TlsDeployments}). */
    public static final Map<String, String> PARAMS = Map.of();

    /** What a browser offers in its ClientHello for an https URL. */
    static final String[] BROWSER_ALPN = {"h2", "http/1.1"};

    protected abstract ServerUnderTest server();

    static OpossumAttack attack(ServerUnderTest s, String... victimAlpn) {
        return new OpossumAttack(s.base(), TestKeyStore.shared().clientContext(), victimAlpn);
    }

    static String attackerRequest(ServerUnderTest s, String method, String relative) {
        return request(s, method, relative, UPGRADE_TLS_1_2);
    }

    static String victimRequest(ServerUnderTest s) {
        return get(s, "secure/victim", "Cookie: session=victim\r\n");
    }

    @Test
    @DisplayName("TLS-11 with default settings the victim of an Opossum splice never reads the attacker-chosen response for a protected resource")
    void theAttackFindsNoSwitchOnAProtectedResource() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, BROWSER_ALPN).run(attackerRequest(s, "GET", "secure/attacker-chosen?q=%3Cscript%3E"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.NO_SWITCH);
        assertThat(r.detail()).isEqualTo(s.container().statusLine(426));
    }

    @Test
    @DisplayName("TLS-11 with default settings the victim of an Opossum splice never reads the attacker-chosen response for an ordinary resource")
    void theAttackFindsNoSwitchOnAnOrdinaryResource() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, BROWSER_ALPN).run(attackerRequest(s, "GET", "open/attacker-chosen"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.NO_SWITCH);
        assertThat(r.detail()).isEqualTo(s.container().statusLine(200));
    }

    @Test
    @DisplayName("TLS-11 with default settings an ordinary resource asked to upgrade to TLS is served in cleartext without TLS/ in Upgrade")
    void anOrdinaryResourceIsNotSwitched() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "open/page", UPGRADE_TLS_1_2));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(200));
        assertThat(info(r)).containsEntry("secure", "false");
        assertThat(r.head().values("Upgrade")).noneMatch(v -> v.toUpperCase(Locale.ROOT).contains("TLS/"));
    }

    @Test
    @DisplayName("TLS-11 with default settings testssl.sh's probe (HEAD with Upgrade: TLS/1.0) of an ordinary resource finds no Upgrade: TLS")
    void theScannersProbeFindsNoTlsUpgrade() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base())) {
            c.send("HEAD " + s.path("open/page") + " HTTP/1.1\r\nUser-Agent: testssl.sh\r\nHost: " + s.host()
                    + "\r\nAccept: */*\r\nUpgrade: TLS/1.0\r\n\r\n");
            assertThat(c.readHead().raw()).doesNotContain("Upgrade: TLS");
        }
    }

    @Test
    @DisplayName("TLS-11 with default settings the 426 names TLS in Upgrade, as RFC 9110 requires, but its page offers only the https URL")
    void the426DoesNotInviteAnInPlaceUpgrade() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "secure/page", ""));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
        assertThat(r.head().values("Upgrade")).containsExactly("TLS/1.3, TLS/1.2, HTTP/1.1");
        assertThat(r.head().values("Connection")).containsExactly("upgrade");
        assertThat(r.bodyText()).isEqualTo("This resource requires TLS. Use https://" + s.base().getHost()
                + s.path("secure/page") + " instead.\n");
    }

    @Test
    @DisplayName("TLS-11 with default settings the 426 page for a browser says nothing of upgrading in place")
    void theHtml426DoesNotInviteAnInPlaceUpgrade() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, get(s, "secure/page", "Accept: text/html\r\n"));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.bodyText()).contains("https://" + s.base().getHost() + s.path("secure/page"))
                .doesNotContain("RFC 2817").doesNotContain("Connection: upgrade");
    }
}
