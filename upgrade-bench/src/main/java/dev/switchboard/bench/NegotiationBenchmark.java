package dev.switchboard.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.switchboard.http.NegotiableProtocol;
import dev.switchboard.http.Negotiation;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.SelectionPolicy;
import dev.switchboard.http.UpgradeNegotiator;
import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

/**
 * Negotiating one typical upgrade request against a registry of four protocols (the number a
 * server with WebSocket, h2c, TLS and one custom protocol has): from the request's fields to
 * the ordered candidates, parsing included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NegotiationBenchmark {

    /** Which request: a browser's WebSocket handshake, curl's h2c, or a client with a fallback. */
    @Param({"websocket", "h2c", "fallback"})
    public String request;

    private UpgradeNegotiator<Protocol> negotiator;
    private RequestHead head;

    @Setup
    public void setUp() {
        negotiator = new UpgradeNegotiator<>(List.of(
                new Protocol(Set.of(), "websocket"),
                new Protocol(Set.of("http2-settings"), "h2c"),
                new Protocol(Set.of(), "TLS/1.3", "TLS/1.2"),
                new Protocol(Set.of(), "echo/1")),
                SelectionPolicy.CLIENT_PREFERENCE, NegotiationLimits.DEFAULT, InvalidFieldPolicy.REJECT);
        head = switch (request) {
            case "websocket" -> new Head(Map.of("upgrade", List.of("websocket"),
                    "connection", List.of("keep-alive, Upgrade")));
            case "h2c" -> new Head(Map.of("upgrade", List.of("h2c"), "connection", List.of("Upgrade, HTTP2-Settings"),
                    "http2-settings", List.of("AAMAAABkAARAAAAAAAIAAAAA")));
            case "fallback" -> new Head(Map.of("upgrade", List.of("foo/2, echo/1"), "connection", List.of("upgrade")));
            default -> throw new IllegalArgumentException(request);
        };
        if (!(negotiator.negotiate(head) instanceof Negotiation.Candidates<Protocol> c) || c.candidates().isEmpty()) {
            throw new IllegalStateException("the " + request + " request does not negotiate");
        }
    }

    @Benchmark
    public Negotiation<Protocol> negotiate() {
        return negotiator.negotiate(head);
    }

    /** A registered protocol: tokens and required connection options. */
    public record Protocol(Set<String> requiredConnectionOptions, List<ProtocolToken> tokens)
            implements NegotiableProtocol {

        Protocol(Set<String> options, String... tokens) {
            this(options, List.of(tokens).stream().map(ProtocolToken::parse).toList());
        }
    }

    /** An HTTP/1.1 GET with fixed fields, keyed in lower case; looking one up allocates nothing. */
    private record Head(Map<String, List<String>> fields) implements RequestHead {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String protocol() {
            return "HTTP/1.1";
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public List<String> fieldLines(String name) {
            return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        @Override
        public long contentLength() {
            return -1;
        }
    }
}
