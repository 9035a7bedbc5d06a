package dev.switchboard.jetty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/** Protocols whose handlers use the upgraded streams directly, without Switchboard's connection engine. */
final class Handlers {

    private Handlers() {
    }

    /** A protocol token answered by one handler class. */
    static UpgradeProtocol protocol(String token, Class<? extends HttpUpgradeHandler> handler) {
        ProtocolToken t = ProtocolToken.parse(token);
        return new UpgradeProtocol() {
            @Override
            public List<ProtocolToken> tokens() {
                return List.of(t);
            }

            @Override
            public Decision decide(UpgradeRequest request) {
                return Decision.switchTo(handler);
            }
        };
    }

    /**
     * {@code upper/1}: blocking I/O on a thread of its own; writes back what it reads in upper
     * case; at end of input half-closes its output, then closes the connection.
     */
    public static final class BlockingUpper implements HttpUpgradeHandler {
        @Override
        public void init(WebConnection connection) {
            Thread worker = new Thread(() -> {
                try (connection) {
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    byte[] buffer = new byte[512];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(new String(buffer, 0, n, "ISO-8859-1").toUpperCase(Locale.ROOT).getBytes("ISO-8859-1"));
                        out.flush();
                    }
                    out.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "blocking-upper");
            worker.setDaemon(true);
            worker.start();
        }

        @Override
        public void destroy() {
        }
    }

    /**
     * {@code lifecycle/1}: records, with the thread's context class loader, when the container
     * calls it: {@code init}, {@code data}, {@code end}, {@code destroy}; closes at end of input.
     */
    public static final class Lifecycle implements HttpUpgradeHandler {
        static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

        private static void record(String event) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            EVENTS.add(event + " in " + (loader == AdapterJetty.APPLICATION_LOADER ? "application" : String.valueOf(loader)));
        }

        @Override
        public void init(WebConnection connection) {
            record("init");
            try {
                ServletInputStream in = connection.getInputStream();
                in.setReadListener(new ReadListener() {
                    private final byte[] buffer = new byte[256];

                    @Override
                    public void onDataAvailable() throws IOException {
                        record("data");
                        while (in.isReady() && !in.isFinished()) {
                            if (in.read(buffer) < 0) {
                                return;
                            }
                        }
                    }

                    @Override
                    public void onAllDataRead() throws IOException {
                        record("end");
                        try {
                            connection.close();
                        } catch (Exception e) {
                            throw new IOException(e);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        record("error " + t);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void destroy() {
            record("destroy");
        }
    }
}
