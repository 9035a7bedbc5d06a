package dev.switchboard.boot;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A WebSocket handshake request whose {@code Sec-WebSocket-Protocol} offers only the
 * subprotocol Switchboard agreed (or nothing, when none was), so that neither Spring nor the
 * container it calls can agree another one.
 */
final class AgreedSubprotocolRequest extends HttpServletRequestWrapper {

    static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    private final String agreed;

    /** @param agreed the agreed subprotocol, or null or empty for none */
    AgreedSubprotocolRequest(HttpServletRequest request, String agreed) {
        super(request);
        this.agreed = agreed == null || agreed.isEmpty() ? null : agreed;
    }

    @Override
    public String getHeader(String name) {
        return SEC_WEBSOCKET_PROTOCOL.equalsIgnoreCase(name) ? agreed : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (SEC_WEBSOCKET_PROTOCOL.equalsIgnoreCase(name)) {
            return Collections.enumeration(agreed == null ? List.of() : List.of(agreed));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        if (agreed == null) {
            names.removeIf(SEC_WEBSOCKET_PROTOCOL::equalsIgnoreCase);
        }
        return Collections.enumeration(names);
    }
}
