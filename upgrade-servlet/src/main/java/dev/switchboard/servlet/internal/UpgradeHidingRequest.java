package dev.switchboard.servlet.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.switchboard.http.HttpSpec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose {@code Upgrade} field is hidden from everything downstream, for requests
 * that must be served as if it had not been sent (RFC 9110 section 7.8: HTTP/1.0, no
 * {@code upgrade} connection option). Without it a later filter, such as a container's own
 * WebSocket filter, could still switch the connection.
 */
public final class UpgradeHidingRequest extends HttpServletRequestWrapper {

    public UpgradeHidingRequest(HttpServletRequest request) {
        super(request);
    }

    private static boolean hidden(String name) {
        return HttpSpec.UPGRADE.equalsIgnoreCase(name);
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
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
            String name = e.nextElement();
            if (!hidden(name)) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }
}
