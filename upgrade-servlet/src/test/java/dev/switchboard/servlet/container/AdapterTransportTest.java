package dev.switchboard.servlet.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdapterTransportTest {

    private final List<String> calls = new ArrayList<>();
    private final ByteBuffer input = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));
    private final ByteBuffer output = ByteBuffer.allocate(3);

    @Test
    @DisplayName("a plain WebConnection offers no transport of its own")
    void aPlainWebConnectionOffersNoTransport() {
        assertThat(AdapterTransport.of(new Connection(null))).isNull();
    }

    @Test
    @DisplayName("the transport an adapter offers reports its name and reads only inside its callbacks")
    void theOfferedTransportHasItsNameAndConfinedReads() {
        Transport t = AdapterTransport.of(new Connection(form()));
        assertThat(t.name()).isEqualTo("test");
        assertThat(t.confinedReads()).isTrue();
    }

    @Test
    @DisplayName("reads and writes go to the adapter's channel, and a write short of all says so")
    void readsAndWritesGoToTheAdaptersChannel() throws Exception {
        Transport t = AdapterTransport.of(new Connection(form()));
        ByteBuffer into = ByteBuffer.allocate(16);
        assertThat(t.read(into)).isEqualTo(5);
        ByteBuffer data = ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.write(data)).isFalse();
        assertThat(data.remaining()).isEqualTo(3);
        assertThat(new String(output.array(), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    @DisplayName("start hands the adapter the engine's events, and the other calls reach their entries")
    void startHandsOverTheEventsAndEachCallReachesItsEntry() throws Exception {
        Transport t = AdapterTransport.of(new Connection(form()));
        List<String> events = new ArrayList<>();
        t.start(new Transport.Events() {
            @Override
            public void readable() {
                events.add("readable");
            }

            @Override
            public void inputEnded() {
                events.add("inputEnded");
            }

            @Override
            public void writable() {
                events.add("writable");
            }

            @Override
            public void failed(Throwable cause) {
                events.add("failed " + cause.getMessage());
            }

            @Override
            public void closed() {
                events.add("closed");
            }
        });
        t.requestRead();
        assertThat(t.flush()).isTrue();
        t.shutdownOutput();
        ByteBuffer b = t.acquireReadBuffer(8);
        t.releaseReadBuffer(b);
        t.close();
        assertThat(events).containsExactly("readable", "writable", "failed boom");
        assertThat(calls).containsExactly("start", "requestRead", "flush", "shutdownOutput", "acquire 8", "release",
                "close");
    }

    @Test
    @DisplayName("a form without an entry is refused with the key it lacks")
    void aFormWithoutAnEntryIsRefusedWithItsKey() {
        Map<String, Object> form = form();
        form.remove("flush");
        assertThatThrownBy(() -> AdapterTransport.of(new Connection(form)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The adapter's transport must map \"flush\" to a java.util.function.BooleanSupplier"
                        + " but it was missing");
    }

    private Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "test");
        form.put("channel", new ByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                int n = input.remaining();
                dst.put(input);
                return n;
            }

            @Override
            public int write(ByteBuffer src) {
                int n = Math.min(src.remaining(), output.remaining());
                output.put(src.slice().limit(n));
                src.position(src.position() + n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
                calls.add("close");
            }
        });
        form.put("start", (Consumer<Map<String, Object>>) events -> {
            calls.add("start");
            ((Runnable) events.get("readable")).run();
            ((Runnable) events.get("writable")).run();
            @SuppressWarnings("unchecked")
            Consumer<Throwable> failed = (Consumer<Throwable>) events.get("failed");
            failed.accept(new IllegalStateException("boom"));
        });
        form.put("requestRead", (Runnable) () -> calls.add("requestRead"));
        form.put("flush", (BooleanSupplier) () -> calls.add("flush"));
        form.put("shutdownOutput", (Runnable) () -> calls.add("shutdownOutput"));
        form.put("acquireReadBuffer", (IntFunction<ByteBuffer>) n -> {
            calls.add("acquire " + n);
            return ByteBuffer.allocate(n);
        });
        form.put("releaseReadBuffer", (Consumer<ByteBuffer>) b -> calls.add("release"));
        return form;
    }

    /** A WebConnection that offers {@code form} when it is not null. */
    private static final class Connection implements WebConnection, Supplier<Map<String, Object>> {
        private final Map<String, Object> form;

        Connection(Map<String, Object> form) {
            this.form = form;
        }

        @Override
        public Map<String, Object> get() {
            return form;
        }

        @Override
        public ServletInputStream getInputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
