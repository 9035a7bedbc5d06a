package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link MemoryServer} in a JVM of its own, on this JVM's class path ({@link ChildJvm}). The
 * JVM exits on {@code OutOfMemoryError} rather than thrash.
 */
final class ServerProcess implements IdleServer {

    private final ChildJvm jvm;
    private final int port;

    private ServerProcess(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts {@code MemoryServer args} with {@code -Xmx<maxHeap>}; its log goes to {@code log}. */
    static ServerProcess start(String maxHeap, Path log, String... args) throws IOException, InterruptedException {
        ChildJvm jvm = ChildJvm.start(System.getProperty("java.class.path"),
                List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"), MemoryServer.class.getName(), List.of(args), log);
        try {
            return new ServerProcess(jvm, Integer.parseInt(jvm.expect("port ")));
        } catch (IOException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long[] heapAfterGc() throws IOException {
        return heapAfterGc(jvm);
    }

    /** Asks a server JVM that answers {@code heap} as {@link Heap#answer()} writes it. */
    static long[] heapAfterGc(ChildJvm jvm) throws IOException {
        String[] words = jvm.ask("heap", "heap ").split(" ");
        return new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])};
    }

    @Override
    public boolean isAlive() {
        return jvm.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
