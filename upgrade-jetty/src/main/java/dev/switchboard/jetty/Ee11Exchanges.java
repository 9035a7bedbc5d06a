package dev.switchboard.jetty;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/** Reads an ee11 servlet request; loaded only in Jetty's ee11 environment. */
final class Ee11Exchanges {

    private Ee11Exchanges() {
    }

    static ServletExchange of(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return new ServletExchange(jetty, jetty.getServletContextResponse().isCommitted(),
                jetty.getServletContextHandler().getObjectFactory());
    }
}
