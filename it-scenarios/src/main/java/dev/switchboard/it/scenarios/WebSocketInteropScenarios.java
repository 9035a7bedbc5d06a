package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.clients.EchoClient;
import dev.switchboard.testing.clients.JdkEchoClient;
import dev.switchboard.testing.clients.JettyEchoClient;
import dev.switchboard.testing.clients.OkHttpEchoClient;
import dev.switchboard.testing.clients.TyrusEchoClient;

/**
 * Independent clients against a programmatic endpoint and its annotated twin: each offers
 * {@code chat.v1, chat.v2} (the endpoints prefer {@code chat.v2}) and permessage-deflate, then
 * sends text and binary messages, small and over 1 MiB, and gets each back unchanged. The JDK
 * client implements no extension, so it agrees on none. Deploy {@code WebSocketDeployments.app(...)}.
 */
public abstract class WebSocketInteropScenarios {

    /** The server with the WebSocket test application deployed. */
    protected abstract ServerUnderTest server();

    /** 1.5 MiB: over the 1 MiB mark, under the endpoints' 4 MiB limit. */
    private static final int LARGE = 3 * 512 * 1024;

    static Stream<Arguments> clients() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String path : List.of("p/echo", "a/echo")) {
            rows.add(Arguments.of("the JDK's java.net.http.WebSocket", path, (EchoClient.Connector) JdkEchoClient::connect, false));
            rows.add(Arguments.of("Tyrus", path, (EchoClient.Connector) TyrusEchoClient::connect, true));
            rows.add(Arguments.of("Jetty's WebSocketClient", path, (EchoClient.Connector) JettyEchoClient::connect, true));
            rows.add(Arguments.of("OkHttp", path, (EchoClient.Connector) OkHttpEchoClient::connect, true));
        }
        return rows.build();
    }

    private URI uri(String path) {
        return URI.create("ws://" + server().host() + server().path(path));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @DisplayName("WS-09 an independent client agrees on chat.v2 and, where it can, permessage-deflate")
    @MethodSource("clients")
    void agreesOnSubprotocolAndCompression(String client, String path, EchoClient.Connector connector, boolean deflates)
            throws Exception {
        try (EchoClient c = connector.connect(uri(path), List.of("chat.v1", "chat.v2"))) {
            assertThat(c.subprotocol()).isEqualTo("chat.v2");
            assertThat(c.extensions()).isEqualTo(deflates ? List.of("permessage-deflate") : List.of());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @DisplayName("WS-10 an independent client exchanges small and 1.5 MiB text and binary messages unchanged")
    @MethodSource("clients")
    void exchangesMessages(String client, String path, EchoClient.Connector connector, boolean deflates)
            throws Exception {
        String largeText = text(LARGE);
        byte[] largeBinary = binary(LARGE);
        try (EchoClient c = connector.connect(uri(path), List.of("chat.v1", "chat.v2"))) {
            assertThat(c.echo("hello, Switchboard")).isEqualTo("hello, Switchboard");
            assertThat(c.echo(new byte[] {0, 1, 2, (byte) 0xff})).containsExactly(0, 1, 2, 0xff);
            assertThat(c.echo(largeText)).isEqualTo(largeText);
            assertThat(c.echo(largeBinary)).isEqualTo(largeBinary);
        }
    }

    /** Text that compresses, as chat traffic does. */
    private static String text(int length) {
        StringBuilder out = new StringBuilder(length);
        Random random = new Random(42);
        String[] words = {"switch", "board", "upgrade", "socket", "frame", "deflate", "origin", "chat"};
        while (out.length() < length) {
            out.append(words[random.nextInt(words.length)]).append(' ');
        }
        out.setLength(length);
        return out.toString();
    }

    /** Bytes that do not compress. */
    private static byte[] binary(int length) {
        byte[] data = new byte[length];
        new Random(7).nextBytes(data);
        return data;
    }
}
