package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.switchboard.http.Upgrade;

/**
 * Parsing {@code Upgrade} values of the shapes real clients send: a browser's WebSocket
 * handshake, curl's h2c, a client with a fallback, a 101's protocol stack, and a messy but
 * valid list (empty elements, tabs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UpgradeParseBenchmark {

    @Param({"websocket", "h2c", "foo/2, echo/1", "TLS/1.3, TLS/1.2, HTTP/1.1", " ,websocket/13,\t, h2c , "})
    public String value;

    @Benchmark
    public Upgrade parse() {
        return Upgrade.parse(value);
    }
}
