package dev.switchboard.demo.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo: {@code ./mvnw -q -pl upgrade-demo -am -DskipTests package exec:java}, with
 * options after {@code -Dexec.args="--http-port 0"}; see {@link LauncherOptions}. Prints the
 * URLs it serves; Ctrl-C (or SIGTERM) stops Tomcat, which closes upgraded connections first,
 * and the process exits with status 0.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        Path war = Path.of(System.getProperty("switchboard.demo.war", "upgrade-demo/target/upgrade-demo.war"));
        Path workDir = Path.of(System.getProperty("switchboard.demo.workdir", "upgrade-demo/target/demo"));
        DemoServer server = DemoServer.start(options, war, workDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                System.out.println("Switchboard demo stopped.");
            } catch (Exception e) {
                System.err.println("Stopping the demo failed: " + e);
            } finally {
                stopped.countDown();
                // A signal is the demo's normal way to end: report success, not the signal,
                // also when Maven's exec:java is the host JVM.
                Runtime.getRuntime().halt(0);
            }
        }, "switchboard-demo-stop"));
        server.banner().forEach(System.out::println);
        stopped.await();
    }
}
