package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdentityFieldsTest {

    @Test
    void namesCompareIgnoringCaseAndTakingUnderscoreForHyphen() {
        assertThat(IdentityFields.known().asserts("TRUE_CLIENT_IP")).isTrue();
        assertThat(IdentityFields.known().asserts("Ssl-Client-Cert")).isTrue();
    }

    @Test
    void ordinaryFieldsAreNotIdentityFields() {
        for (String name : List.of("Accept", "Cookie", "Authorization", "User-Agent", "X-Request-Id", "Via")) {
            assertThat(IdentityFields.known().asserts(name)).as(name).isFalse();
        }
    }

    @Test
    void configuredNamesAreAddedToTheKnownOnes() {
        IdentityFields fields = IdentityFields.with(List.of(" X-Custom-Client-IP ", ""));
        assertThat(fields.asserts("x-custom-client-ip")).isTrue();
        assertThat(fields.asserts("X-Forwarded-For")).isTrue();
        assertThat(fields.configured()).containsExactly("x-custom-client-ip");
    }
}
