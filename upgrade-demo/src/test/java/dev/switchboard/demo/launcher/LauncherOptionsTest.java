package dev.switchboard.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static LauncherOptions parse(Map<String, String> env, String... args) {
        return LauncherOptions.parse(args, env);
    }

    @Test
    @DisplayName("without flags the ports are 8080 and 8443, the tunnel goes to the launcher's backend, no extra origins")
    void defaults() {
        LauncherOptions o = parse(Map.of());
        assertThat(o.httpPort()).isEqualTo(8080);
        assertThat(o.httpsPort()).isEqualTo(8443);
        assertThat(o.tunnelTarget()).isNull();
        assertThat(o.allowedOrigins()).isEmpty();
    }

    @Test
    @DisplayName("--allowed-origin is repeatable, in both spellings, in order")
    void allowedOriginRepeatable() {
        LauncherOptions o = parse(Map.of(), "--allowed-origin", "https://a.example", "--allowed-origin=http://b.example:8080");
        assertThat(o.allowedOrigins()).containsExactly("https://a.example", "http://b.example:8080");
    }

    @Test
    @DisplayName("SWITCHBOARD_ALLOWED_ORIGIN lists origins separated by commas, when no flag is given")
    void allowedOriginFromEnvironment() {
        LauncherOptions o = parse(Map.of("SWITCHBOARD_ALLOWED_ORIGIN", "https://a.example, https://b.example"));
        assertThat(o.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(parse(Map.of("SWITCHBOARD_ALLOWED_ORIGIN", "https://a.example"), "--allowed-origin",
                "https://c.example").allowedOrigins()).containsExactly("https://c.example");
    }

    @Test
    @DisplayName("an origin with a path is refused, naming the flag")
    void originWithPathRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), "--allowed-origin", "https://a.example/x"))
                .withMessageStartingWith("--allowed-origin: expected an origin");
    }

    @Test
    @DisplayName("--tunnel-target takes an http or https URL; an empty path becomes the root")
    void tunnelTarget() {
        assertThat(parse(Map.of(), "--tunnel-target", "http://127.0.0.1:9000").tunnelTarget())
                .isEqualTo(URI.create("http://127.0.0.1:9000/"));
        assertThat(parse(Map.of("SWITCHBOARD_TUNNEL_TARGET", "https://b.example/ws/")).tunnelTarget())
                .isEqualTo(URI.create("https://b.example/ws/"));
    }

    @Test
    @DisplayName("a tunnel target that is not an http or https URL is refused, naming the flag")
    void badTunnelTargetRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), "--tunnel-target", "ftp://b.example/"))
                .withMessageStartingWith("--tunnel-target: expected an http:// or https:// URL");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), "--tunnel-target", "not a url"))
                .withMessageStartingWith("--tunnel-target:");
    }

    @Test
    @DisplayName("a port outside 0..65535 is refused, naming the flag")
    void badPortRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), "--http-port", "70000"))
                .withMessageStartingWith("--http-port: expected a port");
    }

    @Test
    @DisplayName("WS-15 by default upgrades are served for the bind address and the loopback names only")
    void servedHostsByDefault() {
        assertThat(parse(Map.of()).servedHosts()).containsExactly("127.0.0.1", "localhost", "[::1]");
    }

    @Test
    @DisplayName("WS-15 --allowed-host adds names, repeatable and from SWITCHBOARD_ALLOWED_HOST")
    void allowedHostsAdded() {
        assertThat(parse(Map.of(), "--allowed-host", "demo.example", "--allowed-host=*.example.org").servedHosts())
                .containsExactly("127.0.0.1", "localhost", "[::1]", "demo.example", "*.example.org");
        assertThat(parse(Map.of("SWITCHBOARD_ALLOWED_HOST", "a.example, b.example:8080")).servedHosts())
                .containsExactly("127.0.0.1", "localhost", "[::1]", "a.example", "b.example:8080");
    }

    @Test
    @DisplayName("WS-15 an IPv6 bind address is allowed in brackets; a wildcard bind address is not a name")
    void bindAddressAsHost() {
        assertThat(parse(Map.of(), "--bind-address", "::1").servedHosts()).containsExactly("[::1]", "localhost", "127.0.0.1");
        assertThat(parse(Map.of(), "--bind-address", "0.0.0.0").servedHosts()).containsExactly("localhost", "127.0.0.1", "[::1]");
        assertThat(parse(Map.of(), "--bind-address", "192.0.2.7").servedHosts()).startsWith("192.0.2.7");
    }

    @Test
    @DisplayName("WS-15 --allowed-host * serves every host")
    void anyHost() {
        assertThat(parse(Map.of(), "--allowed-host", "*").servedHosts()).containsExactly("*");
    }

    @Test
    @DisplayName("WS-15 a host that is not a name is refused, naming the flag")
    void badHostRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), "--allowed-host", "a.example/x"))
                .withMessageStartingWith("--allowed-host: expected a host");
    }
}
