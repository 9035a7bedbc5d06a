package dev.switchboard.it.jetty.rawupgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The smallest use of the container's own {@code HttpServletRequest.upgrade()}: switch every
 * request to {@link Echo}. No Switchboard involved; this is the reproduction in
 * {@code docs/jetty-upgrade-eof.md}.
 */
public class UpgradeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.upgrade(Echo.class);
    }

    /** What {@link Echo} writes when its input ends, before it closes. */
    public static final String END_OF_INPUT = "end of input\n";

    /** Echoes with blocking I/O on a thread of its own; at end of input says so, then closes the connection. */
    public static class Echo implements HttpUpgradeHandler {
        @Override
        public void init(WebConnection connection) {
            Thread echo = new Thread(() -> {
                try (connection) {
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    byte[] buffer = new byte[1024];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                    out.write(END_OF_INPUT.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-upgrade-echo");
            echo.setDaemon(true);
            echo.start();
        }

        @Override
        public void destroy() {
        }
    }
}
