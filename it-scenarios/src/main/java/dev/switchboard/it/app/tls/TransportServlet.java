package dev.switchboard.it.app.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers every request with how the application saw its transport, one
 * {@code name: value} per line, and counts how often it ran (see {@link ExecutionsServlet}),
 * so that tests can tell that a protected resource was never executed:
 *
 * <pre>
 * path: /tls/secure/page
 * secure: true
 * scheme: http
 * serverPort: 18200
 * requestURL: http://127.0.0.1:18200/tls/secure/page
 * remoteAddr: 127.0.0.1
 * tls: TLSv1.3
 * cipher: TLS_AES_256_GCM_SHA384
 * upgrade: (none)
 * bridge-field: (none)
 * x-forwarded-for: (none)
 * clientCert: (none)
 * fields: accept, host
 * content: 5 hello
 * </pre>
 *
 * With {@code ?session=new} it also creates a session, so that tests can see its cookie; with
 * {@code ?pad=N} (at most 1 MiB) the body ends with N bytes of {@code x}, for tests that need
 * large responses.
 */
public class TransportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final AtomicLong EXECUTIONS = new AtomicLong();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EXECUTIONS.incrementAndGet();
        byte[] content = request.getInputStream().readAllBytes();
        if ("new".equals(request.getParameter("session"))) {
            request.getSession(true);
        }
        StringBuilder out = new StringBuilder();
        out.append("method: ").append(request.getMethod()).append('\n');
        out.append("path: ").append(request.getRequestURI()).append('\n');
        out.append("query: ").append(request.getQueryString()).append('\n');
        out.append("secure: ").append(request.isSecure()).append('\n');
        out.append("scheme: ").append(request.getScheme()).append('\n');
        out.append("serverPort: ").append(request.getServerPort()).append('\n');
        out.append("requestURL: ").append(request.getRequestURL()).append('\n');
        out.append("remoteAddr: ").append(request.getRemoteAddr()).append('\n');
        out.append("tls: ").append(request.getAttribute("jakarta.servlet.request.secure_protocol")).append('\n');
        out.append("cipher: ").append(request.getAttribute("jakarta.servlet.request.cipher_suite")).append('\n');
        String upgrade = request.getHeader("Upgrade");
        out.append("upgrade: ").append(upgrade == null ? "(none)" : upgrade).append('\n');
        String bridge = request.getHeader("Switchboard-Bridge");
        boolean listed = Collections.list(request.getHeaderNames()).stream()
                .anyMatch(n -> n.equalsIgnoreCase("Switchboard-Bridge"));
        out.append("bridge-field: ").append(bridge == null && !listed ? "(none)" : "visible").append('\n');
        String forwarded = request.getHeader("X-Forwarded-For");
        out.append("x-forwarded-for: ").append(forwarded == null ? "(none)" : forwarded).append('\n');
        Object certificates = request.getAttribute("jakarta.servlet.request.X509Certificate");
        out.append("clientCert: ").append(certificates instanceof X509Certificate[] chain && chain.length > 0
                ? chain[0].getSubjectX500Principal().getName() : "(none)").append('\n');
        out.append("fields: ").append(Collections.list(request.getHeaderNames()).stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "))).append('\n');
        out.append("content: ").append(content.length).append(' ')
                .append(new String(content, StandardCharsets.ISO_8859_1)).append('\n');
        out.append("x".repeat(padding(request.getParameter("pad"))));
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static int padding(String value) {
        if (value == null || !value.matches("[0-9]{1,7}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(value), 1 << 20);
    }
}
