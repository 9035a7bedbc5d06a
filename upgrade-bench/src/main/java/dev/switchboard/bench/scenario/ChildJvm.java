package dev.switchboard.bench.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server in a JVM of its own, spoken to in lines through its standard streams: the suite
 * writes a command, the server answers with a line that starts with an agreed word, or with
 * {@code error <reason>}, within {@value #ANSWER_SECONDS} s. Lines that start otherwise are
 * skipped. The server's standard error goes to a log file.
 *
 * <p>The server never outlives the suite: {@link #close()} asks it to {@code quit} and destroys
 * it if it does not, a shutdown hook destroys it if the suite's JVM exits first, and a server
 * must stop by itself when its standard input ends, which is all it sees when the suite is
 * killed outright.
 */
public final class ChildJvm implements AutoCloseable {

    /** How long a server may take to start or to answer a command: far more than it needs on a busy machine. */
    public static final long ANSWER_SECONDS = 120;

    /** What the line queue holds once the server's output has ended. */
    private static final Optional<String> END = Optional.empty();

    private final Process process;
    private final Path log;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final PrintWriter in;
    private final Thread reaper;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reaper = new Thread(process::destroyForcibly, "bench-child-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
        Thread reader = new Thread(this::readLines, "bench-child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java <jvmOptions> -cp <classPath> <mainClass> <args>} with this JVM's
     * {@code java.io.tmpdir}; its standard error goes to {@code log}.
     */
    public static ChildJvm start(String classPath, List<String> jvmOptions, String mainClass, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return new ChildJvm(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /**
     * Waits for a line that starts with {@code word}, and returns the rest of it, trimmed.
     *
     * @throws IOException if the server answers {@code error ...}, ends first, or says nothing
     *         of the kind within {@value #ANSWER_SECONDS} s
     */
    public String expect(String word) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
        try {
            Optional<String> next;
            while ((next = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                if (next.isEmpty()) {
                    lines.add(END); // for any later call
                    throw new IOException("the server process ended before printing '" + word + "' (exit "
                            + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "none") + "; log: " + log + ")");
                }
                String line = next.get();
                if (line.startsWith(word)) {
                    return line.substring(word.length()).trim();
                }
                if (line.startsWith("error ")) {
                    throw new IOException("the server answered: " + line.substring(6) + " (log: " + log + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server's '" + word + "'", e);
        }
        throw new IOException("the server printed no '" + word + "' within " + Duration.ofSeconds(ANSWER_SECONDS)
                + " (log: " + log + ")");
    }

    /** Sends {@code command} and returns the answer, the rest of the line that starts with {@code word}. */
    public String ask(String command, String word) throws IOException {
        in.println(command);
        return expect(word);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // The process went away; END says so.
        } finally {
            lines.add(END);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway, and finds the process gone.
        }
    }
}
