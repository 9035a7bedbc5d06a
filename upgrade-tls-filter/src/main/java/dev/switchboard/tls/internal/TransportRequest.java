package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.switchboard.tls.TlsSpec;
import dev.switchboard.tls.internal.engine.TlsSession;

/**
 * A request that reports the {@link Transport} resolved for it, consistently: security,
 * scheme, port and the URL built from them, the client's address, and for RFC 2817
 * connections the TLS attributes of Servlet 6 section 3.10. Everything else is the
 * container's.
 *
 * <p>On a bridged request the bridge's {@link BridgeRegistry#TOKEN_FIELD} is hidden: the
 * application never sees it, and so can never show it.
 *
 * <p>The container writes the session cookie from its own view of the connection, so a
 * session created through this request on a connection that only this module knows to be
 * secure would get a cookie without {@code Secure}; the cookie is given the attribute here,
 * while the response is not yet committed.
 */
final class TransportRequest extends HttpServletRequestWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private static final List<String> TLS_ATTRIBUTES = List.of(TlsSpec.ATTR_CIPHER_SUITE, TlsSpec.ATTR_KEY_SIZE,
            TlsSpec.ATTR_SSL_SESSION_ID, TlsSpec.ATTR_SECURE_PROTOCOL);

    private final Transport transport;
    private final HttpServletResponse response;

    TransportRequest(HttpServletRequest request, HttpServletResponse response, Transport transport) {
        super(request);
        this.transport = transport;
        this.response = response;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (!create || !transport.secure() || super.isSecure()) {
            return super.getSession(create);
        }
        HttpSession existing = super.getSession(false);
        HttpSession session = super.getSession(true);
        if (existing == null) {
            secureSessionCookie();
        }
        return session;
    }

    @Override
    public String changeSessionId() {
        String id = super.changeSessionId();
        if (transport.secure() && !super.isSecure()) {
            secureSessionCookie();
        }
        return id;
    }

    private void secureSessionCookie() {
        if (response == null || response.isCommitted()) {
            return;
        }
        String name = getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders(SET_COOKIE));
        boolean changed = false;
        for (int i = 0; i < cookies.size(); i++) {
            String c = cookies.get(i);
            if (c.startsWith(prefix) && !c.toLowerCase(Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?")) {
                cookies.set(i, c + "; Secure");
                changed = true;
            }
        }
        if (changed) {
            response.setHeader(SET_COOKIE, cookies.get(0));
            for (String c : cookies.subList(1, cookies.size())) {
                response.addHeader(SET_COOKIE, c);
            }
        }
    }

    private boolean hidden(String name) {
        return transport.source() == Transport.Source.BRIDGE && BridgeRegistry.TOKEN_FIELD.equalsIgnoreCase(name);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        if (transport.source() != Transport.Source.BRIDGE) {
            return super.getHeaderNames();
        }
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
            String n = e.nextElement();
            if (!hidden(n)) {
                names.add(n);
            }
        }
        return Collections.enumeration(names);
    }

    @Override
    public boolean isSecure() {
        return transport.secure();
    }

    @Override
    public String getScheme() {
        return transport.scheme();
    }

    @Override
    public int getServerPort() {
        return transport.serverPort();
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(64);
        String scheme = transport.scheme();
        int port = transport.serverPort();
        url.append(scheme).append("://").append(HttpsLocation.hostForUrl(getServerName()));
        if (port > 0 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            url.append(':').append(port);
        }
        return url.append(getRequestURI());
    }

    @Override
    public String getRemoteAddr() {
        return transport.clientAddress();
    }

    @Override
    public String getRemoteHost() {
        return transport.clientAddress();
    }

    @Override
    public int getRemotePort() {
        return transport.clientPort();
    }

    @Override
    public Object getAttribute(String name) {
        TlsSession tls = transport.tls();
        if (tls != null) {
            switch (name) {
                case TlsSpec.ATTR_CIPHER_SUITE:
                    return tls.cipherSuite();
                case TlsSpec.ATTR_KEY_SIZE:
                    return tls.keySize();
                case TlsSpec.ATTR_SSL_SESSION_ID:
                    return tls.sessionId();
                case TlsSpec.ATTR_SECURE_PROTOCOL:
                    return tls.protocol();
                default:
                    break;
            }
        }
        return super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        if (transport.tls() == null) {
            return super.getAttributeNames();
        }
        List<String> names = new ArrayList<>(TLS_ATTRIBUTES);
        for (Enumeration<String> e = super.getAttributeNames(); e.hasMoreElements();) {
            String n = e.nextElement();
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return Collections.enumeration(names);
    }
}
