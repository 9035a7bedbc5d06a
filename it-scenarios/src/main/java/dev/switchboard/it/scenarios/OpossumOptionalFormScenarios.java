package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.OpossumScenarios.BROWSER_ALPN;
import static dev.switchboard.it.scenarios.OpossumScenarios.attack;
import static dev.switchboard.it.scenarios.OpossumScenarios.attackerRequest;
import static dev.switchboard.it.scenarios.OpossumScenarios.victimRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.tls.OpossumAttack;

/**
 * TLS-11 with RFC 2817's optional form enabled for {@code /secure/*}, and what each
 * mitigation of the Opossum attack (CVE-2025-49812) does: a victim whose ClientHello offers
 * {@code h2}, as browsers and https clients do, is refused; the attacker can only choose
 * among GET, HEAD and OPTIONS of the configured resources; and a victim that offers no
 * {@code h2} is not protected, which is why the form is off by default. Deploy
 * {@code TlsDeployments.tlsApp(name, OpossumOptionalFormScenarios.PARAMS)}.
 */
public abstract class OpossumOptionalFormScenarios {

    /** The optional form for {@code /secure/*} only. */
    public static final Map<String, String> PARAMS = Map.of("switchboard.tls.optionalUpgrade", "/secure/*");

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("TLS-11 with the optional form on, a victim whose ClientHello offers h2 (a browser) has its handshake refused and never reads the attacker's response")
    void aVictimOfferingH2IsRefused() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, BROWSER_ALPN).run(attackerRequest(s, "GET", "secure/attacker-chosen"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.HANDSHAKE_REFUSED);
    }

    @Test
    @DisplayName("TLS-11 with the optional form on for some resources, an attacker-chosen request for another gets no 101")
    void anotherResourceIsNotSwitched() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, "http/1.1").run(attackerRequest(s, "GET", "open/attacker-chosen"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.NO_SWITCH);
        assertThat(r.detail()).isEqualTo(s.container().statusLine(200));
    }

    @Test
    @DisplayName("TLS-11 the optional form switches GET, HEAD and OPTIONS only: an attacker's DELETE of a configured resource gets the 426")
    void anUnsafeMethodIsNotSwitched() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, "http/1.1").run(attackerRequest(s, "DELETE", "secure/attacker-chosen"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.NO_SWITCH);
        assertThat(r.detail()).isEqualTo(s.container().statusLine(426));
    }

    @Test
    @DisplayName("the attack is real where the optional form is on: a victim that offers no h2 reads the response to the attacker's GET")
    void aVictimWithoutH2ReadsTheAttackersResponse() throws Exception {
        ServerUnderTest s = server();
        OpossumAttack.Result r = attack(s, "http/1.1").run(attackerRequest(s, "GET", "secure/attacker-chosen"),
                victimRequest(s), "attacker-chosen");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(OpossumAttack.Outcome.VICTIM_READ_ATTACKERS_RESPONSE);
    }
}
