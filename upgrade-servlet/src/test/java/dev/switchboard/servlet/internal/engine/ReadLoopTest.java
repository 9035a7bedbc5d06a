package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.Transport;
import dev.switchboard.servlet.internal.FakeConnection;
import dev.switchboard.servlet.internal.transport.ServletTransport;

/** The read loop over the Servlet transport of a fake connection, driven by hand. */
class ReadLoopTest {

    private final FakeConnection connection = new FakeConnection(1 << 20);
    private final List<String> delivered = new ArrayList<>();
    private boolean mayRead = true;
    private int ends;

    private int reads;

    private ReadLoop loop(int readSize) throws IOException {
        ServletTransport transport = new ServletTransport(connection, ConnectionControl.PORTABLE);
        transport.start(NoEvents.INSTANCE);
        return loop(transport, readSize);
    }

    /** The read loop over the Servlet transport, counting its reads, with {@code shortReadDrains} as given. */
    private ReadLoop counting(int readSize, boolean shortReadDrains) throws IOException {
        ServletTransport servlet = new ServletTransport(connection, ConnectionControl.PORTABLE);
        servlet.start(NoEvents.INSTANCE);
        Transport transport = (Transport) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, method, args) -> {
                    if (method.getName().equals("shortReadDrains")) {
                        return shortReadDrains;
                    }
                    if (method.getName().equals("read")) {
                        reads++;
                    }
                    return method.invoke(servlet, args);
                });
        return loop(transport, readSize);
    }

    private ReadLoop loop(Transport transport, int readSize) {
        return new ReadLoop(transport, readSize, new ReadLoop.Sink() {
            @Override
            public boolean mayRead() {
                return mayRead;
            }

            @Override
            public void input(ByteBuffer data) {
                delivered.add(StandardCharsets.ISO_8859_1.decode(data).toString());
            }

            @Override
            public void ended() {
                ends++;
            }
        });
    }

    private void feed(String s) {
        connection.getInputStream().feed(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void deliversWhatIsThereInReadsOfAtMostTheReadSize() throws IOException {
        ReadLoop loop = loop(4);
        feed("abcdefghij");
        loop.run();
        assertThat(delivered).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void aShortReadEndsTheRunWhereTheTransportSaysItTookAllThereWas() throws IOException {
        ReadLoop loop = counting(4, true);
        feed("abcdefghij");
        loop.run();
        assertThat(delivered).containsExactly("abcd", "efgh", "ij");
        assertThat(reads).as("no read after the short one").isEqualTo(3);
        feed("kl");
        loop.run();
        assertThat(delivered).endsWith("kl");
        assertThat(reads).isEqualTo(4);
    }

    @Test
    void elsewhereARunReadsOnUntilAReadFindsNothing() throws IOException {
        ReadLoop loop = counting(4, false);
        feed("abcdefghij");
        loop.run();
        assertThat(delivered).containsExactly("abcd", "efgh", "ij");
        assertThat(reads).as("the last read found nothing").isEqualTo(4);
    }

    @Test
    void stopsWhenTheSinkStopsInputAndGoesOnFromThereNextTime() throws IOException {
        ReadLoop loop = loop(4);
        feed("abcdefgh");
        mayRead = false;
        loop.run();
        assertThat(delivered).isEmpty();
        mayRead = true;
        loop.run();
        assertThat(delivered).containsExactly("abcd", "efgh");
    }

    @Test
    void reportsTheEndOfInputOnceWhenAReadReturnsEndOfStream() throws IOException {
        ReadLoop loop = loop(16);
        feed("last");
        connection.getInputStream().end();
        loop.run();
        loop.run();
        assertThat(delivered).containsExactly("last");
        assertThat(ends).isOne();
        assertThat(loop.ended()).isTrue();
    }

    @Test
    void reportsTheEndOfInputOnceWhenTheTransportSaysSoFirst() throws IOException {
        ReadLoop loop = loop(16);
        loop.end();
        connection.getInputStream().end();
        loop.run();
        assertThat(ends).isOne();
    }

    @Test
    void aNestedRunReadsIntoABufferOfItsOwn() throws IOException {
        FakeConnection other = new FakeConnection(1 << 20);
        ServletTransport otherTransport = new ServletTransport(other, ConnectionControl.PORTABLE);
        otherTransport.start(NoEvents.INSTANCE);
        List<String> nested = new ArrayList<>();
        ReadLoop inner = new ReadLoop(otherTransport, 16, new ReadLoop.Sink() {
            @Override
            public boolean mayRead() {
                return true;
            }

            @Override
            public void input(ByteBuffer data) {
                nested.add(StandardCharsets.ISO_8859_1.decode(data).toString());
            }

            @Override
            public void ended() {
            }
        });
        ServletTransport transport = new ServletTransport(connection, ConnectionControl.PORTABLE);
        transport.start(NoEvents.INSTANCE);
        ReadLoop outer = new ReadLoop(transport, 16, new ReadLoop.Sink() {
            @Override
            public boolean mayRead() {
                return true;
            }

            @Override
            public void input(ByteBuffer data) throws IOException {
                inner.run(); // one connection resuming another from its callback
                delivered.add(StandardCharsets.ISO_8859_1.decode(data).toString());
            }

            @Override
            public void ended() {
            }
        });
        other.getInputStream().feed("inner".getBytes(StandardCharsets.ISO_8859_1));
        feed("outer");
        outer.run();
        assertThat(nested).containsExactly("inner");
        assertThat(delivered).containsExactly("outer");
    }
}
