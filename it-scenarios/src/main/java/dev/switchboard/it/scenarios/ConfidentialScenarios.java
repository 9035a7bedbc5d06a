package dev.switchboard.it.scenarios;

import static dev.switchboard.it.scenarios.TlsExchanges.UPGRADE_TLS_1_2;
import static dev.switchboard.it.scenarios.TlsExchanges.exchange;
import static dev.switchboard.it.scenarios.TlsExchanges.executions;
import static dev.switchboard.it.scenarios.TlsExchanges.get;
import static dev.switchboard.it.scenarios.TlsExchanges.info;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;

/**
 * A web.xml {@code CONFIDENTIAL} transport guarantee, enforced by the TLS policy on a
 * container that lets it take the guarantee over. Deploy
 * {@code TlsDeployments.tlsApp(name, ConfidentialScenarios.PARAMS, ConfidentialScenarios.CONSTRAINT
 * + ConfidentialScenarios.OMISSION_CONSTRAINT)}.
 */
public abstract class ConfidentialScenarios {

    /** {@code /conf/*} requires {@code CONFIDENTIAL} transport. */
    public static final String CONSTRAINT = "  <security-constraint>\n"
            + "    <web-resource-collection><web-resource-name>confidential</web-resource-name>"
            + "<url-pattern>/conf/*</url-pattern></web-resource-collection>\n"
            + "    <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>\n"
            + "  </security-constraint>\n";

    /**
     * {@code /conf-omit/*} requires {@code CONFIDENTIAL} transport for every method but
     * {@code get}, written in lower case: method names are case-sensitive (RFC 9110 section
     * 9.1), so {@code GET} is not omitted.
     */
    public static final String OMISSION_CONSTRAINT = "  <security-constraint>\n"
            + "    <web-resource-collection><web-resource-name>omission</web-resource-name>"
            + "<url-pattern>/conf-omit/*</url-pattern><http-method-omission>get</http-method-omission>"
            + "</web-resource-collection>\n"
            + "    <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>\n"
            + "  </security-constraint>\n";

    /** No protected pattern of the policy's own: only the constraint requires TLS. */
    public static final Map<String, String> PARAMS;

    static {
        Map<String, String> params = new HashMap<>();
        params.put("switchboard.tls.protect", null);
        params.put("switchboard.tls.optionalUpgrade", "/conf/*");
        PARAMS = Collections.unmodifiableMap(params);
    }

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("TLS-05 a CONFIDENTIAL resource requested in cleartext gets the policy's 426, not a redirect")
    void aConfidentialResourceGets426() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, get(s, "conf/page", ""));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
        assertThat(r.head().values("Upgrade")).containsExactly("TLS/1.3, TLS/1.2, HTTP/1.1");
        assertThat(r.head().has("Location")).isFalse();
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-02 a CONFIDENTIAL resource can be upgraded in place and is served over TLS")
    void aConfidentialResourceCanBeUpgraded() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection c = RawConnection.open(s.base());
                RawConnection tls = TlsExchanges.upgrade(s, c, get(s, "conf/page", UPGRADE_TLS_1_2))) {
            RawConnection.Response r = tls.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(info(r)).containsEntry("secure", "true").containsEntry("path", s.path("conf/page"));
            tls.send(get(s, "conf/again", ""));
            assertThat(tls.readResponse().status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("TLS-05 an omission of the method get does not omit GET: a cleartext GET gets the 426, as Tomcat would answer")
    void aLowerCaseOmissionDoesNotOmitTheUpperCaseMethod() throws Exception {
        ServerUnderTest s = server();
        long before = executions(s);
        RawConnection.Response r = exchange(s, get(s, "conf-omit/page", ""));
        assertThat(r.head().statusLine()).isEqualTo(s.container().statusLine(426));
        assertThat(executions(s)).isEqualTo(before);
    }

    @Test
    @DisplayName("TLS-05 the omitted method itself, get in lower case, is served in cleartext")
    void theOmittedMethodIsServed() throws Exception {
        ServerUnderTest s = server();
        RawConnection.Response r = exchange(s, TlsExchanges.request(s, "get", "conf-omit/page", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(info(r)).containsEntry("method", "get").containsEntry("secure", "false");
    }

    @Test
    @DisplayName("a resource outside the constraint is served in cleartext")
    void otherResourcesAreServed() throws Exception {
        ServerUnderTest s = server();
        assertThat(exchange(s, get(s, "open/page", "")).status()).isEqualTo(200);
    }
}
