package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.switchboard.http.Connection;

/**
 * Parsing {@code Connection} values of the shapes real clients send with an upgrade: a
 * browser's {@code Upgrade}, a keep-alive client's, and curl's h2c request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConnectionParseBenchmark {

    @Param({"Upgrade", "keep-alive, Upgrade", "Upgrade, HTTP2-Settings"})
    public String value;

    @Benchmark
    public Connection parse() {
        return Connection.parse(value);
    }
}
