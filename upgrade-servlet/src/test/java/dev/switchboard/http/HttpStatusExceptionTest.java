package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpStatusExceptionTest {

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {400, 403, 426, 431, 499, 500, 503, 599})
    void carriesAnyClientOrServerErrorStatus(int status) {
        assertThat(new HttpStatusException(status, "why").status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {-1, 0, 101, 200, 302, 399, 600})
    void refusesAStatusThatIsNotAnError(int status) {
        assertThatThrownBy(() -> new HttpStatusException(status, "why"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a 4xx or 5xx status but was " + status);
    }

    @Test
    void theReasonIsTheMessage() {
        HttpStatusException e = new HttpStatusException(403, "not for you");

        assertThat(e.reason()).isEqualTo("not for you");
        assertThat(e.getMessage()).isEqualTo("not for you");
    }

    @Test
    void theReasonIsMadeOneLine() {
        assertThat(new HttpStatusException(400, "a\r\nb").reason()).isEqualTo("a\\x0D\\x0Ab");
    }

    @Test
    void aNullReasonBecomesEmpty() {
        assertThat(new HttpStatusException(400, null).reason()).isEmpty();
    }

    @Test
    void carriesNoFieldsByDefault() {
        assertThat(new HttpStatusException(400, "x").fields()).isEmpty();
    }

    @Test
    void keepsFieldsInTheGivenOrderAndCopiesThem() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Sec-WebSocket-Version", "13");
        fields.put("A", "1");
        HttpStatusException e = new HttpStatusException(426, "x", fields);
        fields.put("B", "2");

        assertThat(e.fields()).containsExactly(Map.entry("Sec-WebSocket-Version", "13"), Map.entry("A", "1"));
        assertThatThrownBy(() -> e.fields().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hasNoStackTraceSinceItDescribesPeerInputNotAFault() {
        assertThat(new HttpStatusException(400, "x").getStackTrace()).isEmpty();
    }

    @Test
    void aFieldSyntaxErrorIs400NamingTheField() {
        FieldSyntaxException e = new FieldSyntaxException("Upgrade", "expected token but was ',' at offset 4");

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldName()).isEqualTo("Upgrade");
        assertThat(e.reason()).isEqualTo("Invalid Upgrade field: expected token but was ',' at offset 4");
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void anUpgradeRequiredIs426WithUpgradeAndConnection() {
        Upgrade tls = Upgrade.parse("TLS/1.3, TLS/1.2, HTTP/1.1");

        UpgradeRequiredException e = new UpgradeRequiredException(tls, "TLS required");

        assertThat(e.status()).isEqualTo(426);
        assertThat(e.acceptable()).isEqualTo(tls);
        assertThat(e.fields()).containsExactly(Map.entry("Upgrade", "TLS/1.3, TLS/1.2, HTTP/1.1"),
                Map.entry("Connection", "upgrade"));
    }

    @Test
    void anUpgradeRequiredWritesExtraFieldsAfterUpgradeAndConnection() {
        UpgradeRequiredException e = new UpgradeRequiredException(Upgrade.parse("websocket"), "version 13 only",
                Map.of("Sec-WebSocket-Version", "13"));

        assertThat(e.fields()).containsExactly(Map.entry("Upgrade", "websocket"), Map.entry("Connection", "upgrade"),
                Map.entry("Sec-WebSocket-Version", "13"));
    }
}
