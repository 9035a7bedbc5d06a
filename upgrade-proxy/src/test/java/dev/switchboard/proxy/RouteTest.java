package dev.switchboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

    @ParameterizedTest(name = "{0}")
    @DisplayName("The request target for the backend")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no backend path keeps the request path     | /tunnel/ | http://b:8080      | /app/tunnel/chat | /tunnel/chat | room=1 | /app/tunnel/chat?room=1
            a backend path replaces the prefix         | /tunnel/ | http://b:8080/ws/  | /app/tunnel/chat | /tunnel/chat | -      | /ws/chat
            the query is kept as sent                  | /tunnel/ | http://b/ws/       | /app/tunnel/a    | /tunnel/a    | x=%20&y | /ws/a?x=%20&y
            a prefix without slash, path without slash | /tunnel  | http://b/ws        | /app/tunnel/a/b  | /tunnel/a/b  | -      | /ws/a/b
            the prefix itself maps to the backend path | /tunnel  | http://b/ws        | /app/tunnel      | /tunnel      | -      | /ws
            encoded characters pass unchanged          | /t/      | http://b/x/        | /app/t/a%2Fb     | /t/a%2Fb     | -      | /x/a%2Fb
            """)
    void target(String label, String prefix, String backend, String uri, String pathInContext, String query,
            String expected) {
        assertThat(Route.of(prefix, backend).target(uri, pathInContext, query)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @DisplayName("A prefix matches at segment boundaries only")
    @CsvSource(textBlock = """
            /tunnel/, /tunnel/chat, true
            /tunnel/, /tunnel, false
            /tunnel, /tunnel, true
            /tunnel, /tunnel/x, true
            /tunnel, /tunnels, false
            /, /anything, true
            """)
    void matches(String prefix, String path, boolean expected) {
        assertThat(Route.of(prefix, "http://b").matches(path)).isEqualTo(expected);
    }

    @Test
    @DisplayName("The Host for the backend carries the port only when the URL does")
    void authority() {
        assertThat(Route.of("/", "http://b.example:8080/").authority()).isEqualTo("b.example:8080");
        assertThat(Route.of("/", "https://b.example/").authority()).isEqualTo("b.example");
        assertThat(Route.of("/", "https://b.example/").port()).isEqualTo(443);
        assertThat(Route.of("/", "http://[::1]:81/").host()).isEqualTo("::1");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Backend URLs that cannot be routed to are rejected with the reason")
    @CsvSource(delimiter = '|', textBlock = """
            ws://b/x          | expected an http:// or https:// backend URL
            http:///x         | expected a backend URL with a host
            http://b/x?q=1    | expected a backend URL without query, fragment or user info
            http://u@b/x      | expected a backend URL without query, fragment or user info
            http://b/ x       | expected a backend URL but was
            """)
    void rejects(String backend, String message) {
        assertThatThrownBy(() -> Route.of("/t/", backend)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("A prefix must start with a slash")
    void prefixStartsWithSlash() {
        assertThatThrownBy(() -> Route.of("tunnel/", "http://b")).hasMessageContaining("starting with /");
    }
}
