package dev.switchboard.it.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers every request with what the application saw of it, one {@code name: value} per
 * line, so that tests can check a request was served as an ordinary request and whether its
 * {@code Upgrade} field and content reached the application:
 *
 * <pre>
 * method: POST
 * protocol: HTTP/1.1
 * path: /app/echo
 * secure: false
 * upgrade: (none)
 * content: 5 hello
 * </pre>
 */
public class InfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readAllBytes();
        }
        StringBuilder out = new StringBuilder();
        out.append("method: ").append(request.getMethod()).append('\n');
        out.append("protocol: ").append(request.getProtocol()).append('\n');
        out.append("path: ").append(request.getRequestURI()).append('\n');
        out.append("secure: ").append(request.isSecure()).append('\n');
        String upgrade = String.join(", ", Collections.list(request.getHeaders("Upgrade")));
        out.append("upgrade: ").append(upgrade.isEmpty() ? "(none)" : upgrade).append('\n');
        out.append("content: ").append(content.length).append(' ')
                .append(new String(content, StandardCharsets.ISO_8859_1)).append('\n');
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
