package dev.switchboard.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One web application on a {@link JettyServer} in a JVM of its own with a fixed maximum heap,
 * for the memory scenarios; the JVM exits on {@code OutOfMemoryError} rather than thrash.
 */
final class JettyProcess implements IdleServer {

    private final ChildJvm jvm;
    private final String version;
    private final int port;

    private JettyProcess(ChildJvm jvm, String version, int port) {
        this.jvm = jvm;
        this.version = version;
        this.port = port;
    }

    /** Deploys {@code war} at {@code /<its name>} on a Jetty with {@code -Xmx<maxHeap>}; files go to {@code dir}. */
    static JettyProcess start(String maxHeap, WebArchive war, Path dir) throws Exception {
        String name = war.getName().replaceFirst("\\.war$", "");
        Path file = JettyWebSocketHandshakeScenario.export(war, dir);
        ChildJvm jvm = ChildJvm.start(JettyWebSocketHandshakeScenario.serverClassPath(),
                List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"), JettyWebSocketHandshakeScenario.SERVER_MAIN,
                List.of(name + "=" + file), dir.resolve("jetty-" + name + ".log"));
        try {
            String version = jvm.expect("version ");
            return new JettyProcess(jvm, version, Integer.parseInt(jvm.expect("port " + name + " ")));
        } catch (IOException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /** Jetty's version, as the server printed it. */
    String version() {
        return version;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long[] heapAfterGc() throws IOException {
        return ServerProcess.heapAfterGc(jvm);
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
