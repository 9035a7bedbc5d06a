package dev.switchboard.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample's executable jar, started in a JVM of its own as a user starts it
 * ({@code java -jar ... --server.port=N}), on a free port.
 */
public final class SampleProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private SampleProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::collectOutput, "sample-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the jar named by the system property {@code sample.jar} and waits until it accepts
     * connections.
     *
     * @throws IllegalStateException if it exits or does not listen in time, with its output
     */
    public static SampleProcess start(String... arguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("sample.jar", "missing: set the system property sample.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No sample jar at " + jar);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        SampleProcess sample = new SampleProcess(process, port);
        sample.awaitListening();
        return sample;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The sample exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The sample did not listen on " + port + " within " + START_TIMEOUT + ":\n" + output());
    }

    private void collectOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public int port() {
        return port;
    }

    /** What the sample printed so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /**
     * Stops the sample as an operator does (SIGTERM, so Boot shuts down gracefully) and waits for
     * it to exit.
     *
     * @return its exit status
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The sample did not stop within " + STOP_TIMEOUT + ":\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
