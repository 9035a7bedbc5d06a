package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.testing.tls.TomcatHttps;
import dev.switchboard.servlet.container.Transport;

/**
 * The {@code tomcat-loop} transport: connections of a cleartext NIO connector, switched to
 * {@link TomcatCarrier} with the application's runtime, are taken off Tomcat's poller onto the
 * application's loop. The contract both Tomcat transports keep is {@link TransportContract}'s.
 */
class LoopTransportTest extends TransportContract {

    /** The name of any of the application's loop threads. */
    private static final String LOOP_THREAD = "switchboard-tomcat-loop-[12] /loop";
    private static final TestKeyStore KEYS = TestKeyStore.shared();

    private int httpsPort;

    @Override
    String transportName() {
        return "tomcat-loop";
    }

    @Override
    boolean ownLoop() {
        return true;
    }

    @Override
    String contextPath() {
        return "/loop";
    }

    @BeforeAll
    void addTlsConnector() throws Exception {
        httpsPort = TomcatHttps.addConnector(tomcat.getService(), 0, KEYS);
    }

    @Test
    void bytesSentAfterTheSwitchAreReadOnTheApplicationsLoopThread() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS);
            s.getOutputStream().write("later".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.input.poll(10, TimeUnit.SECONDS)).isEqualTo("later");
            assertThat(c.readOn.poll(10, TimeUnit.SECONDS)).matches(LOOP_THREAD);
        }
    }

    /** What the loop reads it writes to channels there: a direct buffer saves the JDK's copy each way. */
    @Test
    void theLoopThreadReadsIntoADirectBufferAndOtherThreadsIntoAHeapOne() throws Exception {
        try (Socket s = connect("")) {
            Transport t = carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS);
            CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
            t.loop().execute(() -> {
                ByteBuffer b = t.acquireReadBuffer(1024);
                onLoop.complete(b.isDirect());
                t.releaseReadBuffer(b);
            });
            assertThat(onLoop.get(10, TimeUnit.SECONDS)).isTrue();
            ByteBuffer elsewhere = t.acquireReadBuffer(1024);
            assertThat(elsewhere.isDirect()).isFalse();
            t.releaseReadBuffer(elsewhere);
        }
    }

    /** The engine reads no more after a short read here: read readiness must stay wanted. */
    @Test
    void afterAShortReadTheNextBytesAreStillReportedReadable() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            Transport t = c.transport.get(10, TimeUnit.SECONDS);
            assertThat(t.shortReadDrains()).isTrue();
            c.stopAfterShortRead = true;
            for (String message : List.of("one", "two", "three")) {
                s.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
                assertThat(c.input.poll(10, TimeUnit.SECONDS)).isEqualTo(message);
            }
        }
    }

    /** Tomcat hands the connection over without the application's loader bound: the loop must not take that one. */
    @Test
    void theLoopThreadRunsWithTheApplicationsClassLoader() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS);
            s.getOutputStream().write("x".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readWith.poll(10, TimeUnit.SECONDS)).isSameAs(APPLICATION);
        }
    }

    @Test
    void theTransportNamesTheLoopItRunsOn() throws Exception {
        try (Socket s = connect("")) {
            Transport t = carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS);
            assertThat(t.loop().toString()).matches(LOOP_THREAD);
        }
    }

    /** Each connection goes to the next of {@code switchboard.loopThreads} loops, so that busy ones run side by side. */
    @Test
    void connectionsAreSpreadOverTheApplicationsLoopsEachInTurn() throws Exception {
        try (Socket a = connect("")) {
            String first = loopOf(a);
            try (Socket b = connect("")) {
                String second = loopOf(b);
                try (Socket c = connect("")) {
                    String third = loopOf(c);
                    assertThat(List.of(first, second)).containsExactlyInAnyOrder("switchboard-tomcat-loop-1 /loop",
                            "switchboard-tomcat-loop-2 /loop");
                    assertThat(third).isEqualTo(first);
                }
            }
        }
    }

    /** The loop of {@code s}'s connection, once it is taken over. */
    private String loopOf(Socket s) throws Exception {
        return carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS).loop().toString();
    }

    @Test
    void theOutputCanEndBeforeTheInput() throws Exception {
        try (Socket s = connect("")) {
            Carried c = carried(s.getLocalPort());
            Transport t = c.transport.get(10, TimeUnit.SECONDS);
            t.shutdownOutput();
            assertThat(s.getInputStream().read()).as("the peer sees the end of the stream").isEqualTo(-1);
            s.getOutputStream().write("still".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.input.poll(10, TimeUnit.SECONDS)).isEqualTo("still");
        }
    }

    @Test
    void thePeersCloseIsReadAsTheEndOfInput() throws Exception {
        Carried c;
        try (Socket s = connect("")) {
            c = carried(s.getLocalPort());
            c.transport.get(10, TimeUnit.SECONDS);
        }
        assertThat(c.ended.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTlsConnectionStaysOnTomcatsPoller() throws Exception {
        SSLSocket tls = (SSLSocket) KEYS.clientContext().getSocketFactory().createSocket("127.0.0.1", httpsPort);
        try (Socket s = handshake(tls, "")) {
            Transport t = carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS);
            assertThat(t.name()).isEqualTo("tomcat");
            assertThat(t.loop()).as("no loop of Switchboard's serves it").isNull();
        }
    }
}
