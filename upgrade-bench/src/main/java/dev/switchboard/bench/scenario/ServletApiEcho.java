package dev.switchboard.bench.scenario;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The container's floor for {@code echo/1}: the least an echo can do on the Servlet
 * non-blocking API, with none of Switchboard (no negotiation, no serial executor, no queue, no
 * timeouts, no counters). It switches any request to itself with a 101 and writes back what it
 * reads, one buffer at a time, reading again only once that buffer is written. Measured beside
 * {@code echo/1} so the report can tell the container's cost from Switchboard's.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public final class ServletApiEcho extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        response.setHeader("Upgrade", "echo/1");
        response.setHeader("Connection", "upgrade");
        request.upgrade(Handler.class);
    }

    /** The upgraded connection: one 16 KiB buffer, read into while empty, written from while full. */
    public static final class Handler implements HttpUpgradeHandler {

        private final byte[] buffer = new byte[16 * 1024];
        private ServletInputStream in;
        private ServletOutputStream out;
        private WebConnection connection;
        private int pending;
        private boolean unflushed;

        @Override
        public void init(WebConnection wc) {
            connection = wc;
            try {
                in = wc.getInputStream();
                out = wc.getOutputStream();
                out.setWriteListener(new Writer());
                in.setReadListener(new Reader());
            } catch (IOException e) {
                close();
            }
        }

        /** Reads and echoes while both sides are ready; a callback from either side resumes it. */
        private synchronized void pump() throws IOException {
            while (true) {
                if (pending > 0 || unflushed) {
                    if (!out.isReady()) {
                        return; // onWritePossible resumes
                    }
                    if (pending > 0) {
                        out.write(buffer, 0, pending);
                        pending = 0;
                        unflushed = true;
                        if (!out.isReady()) {
                            return;
                        }
                    }
                    out.flush();
                    unflushed = false;
                }
                if (!in.isReady()) {
                    return; // onDataAvailable resumes
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    close();
                    return;
                }
                pending = n;
            }
        }

        private void close() {
            try {
                connection.close();
            } catch (Exception ignored) {
                // already closed
            }
        }

        @Override
        public void destroy() {
        }

        final class Reader implements ReadListener {
            @Override
            public void onDataAvailable() throws IOException {
                pump();
            }

            @Override
            public void onAllDataRead() {
                close();
            }

            @Override
            public void onError(Throwable t) {
                close();
            }
        }

        final class Writer implements WriteListener {
            @Override
            public void onWritePossible() throws IOException {
                pump();
            }

            @Override
            public void onError(Throwable t) {
                close();
            }
        }
    }
}
