package dev.switchboard.jetty;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Reads an ee10 servlet request; loaded only in Jetty's ee10 environment. */
final class Ee10Exchanges {

    private Ee10Exchanges() {
    }

    static ServletExchange of(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return new ServletExchange(jetty, jetty.getServletContextResponse().isCommitted(),
                jetty.getServletContextHandler().getObjectFactory());
    }
}
