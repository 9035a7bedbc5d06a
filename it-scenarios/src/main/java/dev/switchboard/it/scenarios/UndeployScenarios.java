package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendPeer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.testing.proxy.ScriptedBackend;

/**
 * One runtime per application: the threads Switchboard starts for it (the timer of its
 * connections' deadlines, the loop that serves the tunnel's backend) are gone once the container has undeployed
 * it, with a tunnel and an {@code echo/1} connection still open. Containers run in this JVM, so
 * the scenario looks at the JVM's threads. The suite deploys {@link #deployment(String)} under
 * {@link #NAME} itself, in {@link #startApplication()}, and undeploys it in
 * {@link #stopApplication()}.
 */
public abstract class UndeployScenarios {

    /** The application's name and context path. */
    public static final String NAME = "undeploy";

    private static ScriptedBackend backend;

    /** The server with the application deployed; valid after {@link #startApplication()}. */
    protected abstract ServerUnderTest server();

    /** Deploys {@link #deployment(String)}. */
    protected abstract void startApplication() throws Exception;

    /** Undeploys it, as an administrator or a shutdown would. */
    protected abstract void stopApplication() throws Exception;

    /**
     * The jobs of the loop threads that serve the two connections and the tunnel's backend: the
     * tunnel's relay loop, or on a transport with loops of its own ({@code tomcat-loop}) the
     * connections' loops, the backend on its client's.
     */
    protected List<String> loopThreads() {
        return List.of("switchboard-tunnel-relay");
    }

    /** The gateway with its default routes and {@code echo/1}, on two loops where the transport has its own. */
    public static WebArchive deployment(String name) {
        return ProxyDeployments.gateway(name, Map.of("switchboard.protocols", "echo", "switchboard.loopThreads", "2"));
    }

    @BeforeAll
    static void startBackend() throws IOException {
        backend = ScriptedBackend.listen(ProxyBackends.RAW_PORT);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
    }

    @Test
    void noThreadSwitchboardStartedForTheApplicationOutlivesItsUndeploy() throws Exception {
        startApplication();
        ServerUnderTest s = server();
        try (RawConnection tunnelled = RawConnection.open(s.base());
                RawConnection echo = RawConnection.open(s.base())) {
            tunnelled.send(Requests.get(s, "raw/chat", "Upgrade: echo/1", "Connection: upgrade"));
            try (BackendPeer peer = backend.accept()) {
                peer.readHead();
                peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n");
                assertThat(tunnelled.readHead().status()).isEqualTo(101);
                tunnelled.send("ping");
                assertThat(peer.readString(4)).isEqualTo("ping");
                peer.send("pong");
                assertThat(tunnelled.readString(4)).isEqualTo("pong");

                echo.send(Requests.get(s, "", "Upgrade: echo/1", "Connection: upgrade"));
                assertThat(echo.readHead().status()).isEqualTo(101);
                echo.send("x");
                assertThat(echo.readString(1)).isEqualTo("x");
                List<String> expected = new ArrayList<>(List.of("switchboard-timers /" + NAME));
                loopThreads().forEach(job -> expected.add(job + " /" + NAME));
                assertThat(threadsOfTheApplication()).as("Switchboard's threads while the application runs")
                        .containsExactlyInAnyOrderElementsOf(expected);

                stopApplication();

                assertThat(threadsOfTheApplication()).as("Switchboard's threads once the application is undeployed")
                        .isEmpty();
                assertThat(peer.isEndedByProxy(BackendPeer.TIMEOUT)).as("the tunnel's backend connection is closed")
                        .isTrue();
            }
        }
    }

    /** The live threads named for this application by Switchboard. */
    private static List<String> threadsOfTheApplication() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("switchboard-") && name.endsWith(" /" + NAME)).toList();
    }
}
