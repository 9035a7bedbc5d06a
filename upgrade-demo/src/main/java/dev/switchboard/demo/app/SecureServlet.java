package dev.switchboard.demo.app;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /secure/*}: reached only over TLS (the TLS policy answers cleartext requests with
 * 426 first). Says how this request's TLS arrived: the https connector, an RFC 2817 upgrade
 * at the cleartext connector ({@code OPTIONS *}: secure {@code https}, yet on a port that is not
 * the https one), or an RFC 2817 upgrade of a real request (scheme {@code http}, yet secure).
 */
public class SecureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean rfc2817 = request.isSecure() && "http".equals(request.getScheme());
        String httpsPort = getServletContext().getInitParameter("switchboard.tls.httpsPort");
        boolean atConnector = request.isSecure() && !rfc2817 && httpsPort != null
                && !httpsPort.equals(String.valueOf(request.getLocalPort()));
        String how = rfc2817 ? "an RFC 2817 upgrade of a cleartext connection (Upgrade: TLS/1.x)"
                : atConnector ? "an RFC 2817 upgrade at the cleartext connector (OPTIONS * with Upgrade: TLS/1.x)"
                : request.isSecure() ? "the https connector" : "cleartext";
        Object protocol = request.getAttribute("jakarta.servlet.request.secure_protocol");
        Object cipher = request.getAttribute("jakarta.servlet.request.cipher_suite");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Secure area</title>");
        out.println("<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/demo.css\"></head><body><main>");
        out.println("<h1>Secure area</h1>");
        out.println("<p>This page is only served over TLS. This request arrived over <strong id=\"how\">"
                + how + "</strong>.</p>");
        out.println("<dl class=\"facts\">");
        out.println("<dt>secure</dt><dd id=\"secure\">" + request.isSecure() + "</dd>");
        out.println("<dt>scheme</dt><dd id=\"scheme\">" + request.getScheme() + "</dd>");
        out.println("<dt>TLS version</dt><dd id=\"tls-version\">" + text(protocol) + "</dd>");
        out.println("<dt>cipher suite</dt><dd id=\"cipher\">" + text(cipher) + "</dd>");
        out.println("</dl><p><a href=\"" + request.getContextPath() + "/\">Back to the demo</a></p></main></body></html>");
    }

    /** Values from the container, never from the peer; escaped all the same. */
    private static String text(Object value) {
        if (value == null) {
            return "(not reported)";
        }
        return value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
