package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectPolicyTest {

    private final ConnectPolicy policy = ConnectPolicy.allow(List.of("db.internal:5432", "[::1]:8443", "10.0.0.5:22"));

    @ParameterizedTest(name = "{0}")
    @DisplayName("PRX-06 CONNECT reaches configured host:port pairs only")
    @CsvSource(delimiter = '|', textBlock = """
            PRX-06 a configured pair is allowed              | db.internal:5432 | true
            PRX-06 host names compare case-insensitively     | DB.Internal:5432 | true
            PRX-06 an IPv6 literal in brackets               | [::1]:8443       | true
            PRX-06 another port of a configured host         | db.internal:5433 | false
            PRX-06 another host on a configured port         | db.external:5432 | false
            PRX-06 a host without a port                     | db.internal      | false
            PRX-06 a port out of range                       | db.internal:99999 | false
            PRX-06 a path smuggled into the target           | db.internal/x:5432 | false
            PRX-06 user info in the target                   | u@db.internal:5432 | false
            PRX-06 an IPv6 literal without brackets          | ::1:8443         | false
            PRX-06 an IPv6 literal in a longer notation      | [0:0::1]:8443    | true
            PRX-06 a number that is not a dotted quad        | 10.5:22          | false
            PRX-06 a zero port                               | db.internal:0    | false
            """)
    void allows(String label, String target, boolean allowed) {
        assertThat(policy.allows(target)).isEqualTo(allowed);
    }

    @Test
    @DisplayName("PRX-06 by default CONNECT reaches nothing")
    void noneByDefault() {
        assertThat(ConnectPolicy.none().allows("db.internal:5432")).isFalse();
        assertThat(TunnelOptions.builder().build().connectPolicy().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("A configured target that is not host:port is rejected")
    void rejectsMalformedConfiguration() {
        assertThatThrownBy(() -> ConnectPolicy.allow(List.of("db.internal")))
                .hasMessage("expected host:port but was \"db.internal\"");
    }
}
