package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.demo.launcher.DemoLauncher;

/**
 * The demo as a user runs it: the launcher in its own JVM, with the class path {@code exec:java}
 * gives it, on free ports; its console read for the URLs and ports it chose.
 */
final class DemoProcess implements AutoCloseable {

    private static final Pattern PORTS = Pattern.compile("^Ports: http (\\d+), https (\\d+)(?:, tunnel backend (\\d+))?$");
    private static final Duration START = Duration.ofSeconds(120);

    private static DemoProcess shared;

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ended = new CountDownLatch(1);
    private int httpPort;
    private int httpsPort;
    private int backendPort;

    private DemoProcess(Process process) {
        this.process = process;
    }

    /**
     * One demo for the endpoint tests of this JVM, started with
     * {@code --allowed-origin https://app.example.com} and {@code --allowed-host app.example.com};
     * stopped when the JVM ends.
     */
    static synchronized DemoProcess shared() {
        if (shared == null) {
            shared = start("--allowed-origin", "https://app.example.com", "--allowed-host", "app.example.com");
            DemoProcess s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> s.process.destroyForcibly()));
        }
        return shared;
    }

    /** Starts the launcher with {@code --http-port 0 --https-port 0} and {@code extra}, and waits for its banner. */
    static DemoProcess start(String... extra) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", launcherClassPath(),
                    "-Dswitchboard.demo.war=" + System.getProperty("switchboard.demo.war"),
                    "-Dswitchboard.demo.workdir=" + System.getProperty("switchboard.demo.workdir"),
                    DemoLauncher.class.getName(), "--http-port", "0", "--https-port", "0"));
            command.addAll(List.of(extra));
            DemoProcess demo = new DemoProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
            demo.awaitBanner();
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's classes, then the class path Maven resolved for exec:java. */
    private static String launcherClassPath() throws IOException {
        String dependencies = Files.readString(Path.of(System.getProperty("switchboard.demo.classpath"))).trim();
        return System.getProperty("switchboard.demo.classes") + java.io.File.pathSeparator + dependencies;
    }

    private void awaitBanner() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch banner = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher m = PORTS.matcher(line);
                    if (m.matches()) {
                        httpPort = Integer.parseInt(m.group(1));
                        httpsPort = Integer.parseInt(m.group(2));
                        backendPort = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                    }
                    if (line.startsWith("Press Ctrl-C")) {
                        banner.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(reading the output failed: " + e + ")");
            } finally {
                banner.countDown();
                ended.countDown();
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean started = banner.await(START.toSeconds(), TimeUnit.SECONDS);
            assertThat(started && httpPort > 0).as("the demo's banner within %s; output: %s", START, output).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    /** The port of the launcher's own tunnel backend; 0 with {@code --tunnel-target}. */
    int backendPort() {
        return backendPort;
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + httpPort + path);
    }

    URI https(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    /** The key store the launcher generated. */
    Path keystore() {
        return Path.of(System.getProperty("switchboard.demo.workdir"), "demo-keystore.p12");
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    Process process() {
        return process;
    }

    /** Sends {@code signal} (such as {@code INT} for Ctrl-C) and waits for the process to end; its exit status. */
    int stopWith(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute; output: %s", output()).isTrue();
        ended.await(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
